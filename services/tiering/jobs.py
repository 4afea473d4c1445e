"""Tiering scheduled jobs: the daily run at 00:30 local time, the same code as ``POST /api/v1/tiering/runs``."""

from __future__ import annotations

import datetime as dt

from services.tiering import runs
from services.tiering.context import TieringContext
from vipkit.scheduler import DailyJob

DAILY_RUN_AT = dt.time(0, 30)


def daily_jobs(ctx: TieringContext) -> list[DailyJob]:
    async def run(due: dt.datetime) -> object:
        """Today's run; dates missed since the last finished run (downtime) are run first, in order."""
        result = await runs.run_for_date(
            ctx.database,
            ctx.program,
            due.date(),
            chunk_size=ctx.settings.run_chunk_size,
            timelines=bool(ctx.common.test_clock),
        )
        return (
            f"{result.as_of} evaluated={result.evaluated} changed={result.changed} replayed={result.replayed}"
            f" caught_up={[d.isoformat() for d in result.caught_up]}"
        )

    return [DailyJob("tiering-daily-run", DAILY_RUN_AT, run, catch_up=False)]  # run_for_date catches up itself
