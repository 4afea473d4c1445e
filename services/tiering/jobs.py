"""Tiering scheduled jobs: the daily run at 00:30 local time, the same code as ``POST /api/v1/tiering/runs``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from services.tiering import runs
from services.tiering.programs import Program
from vipkit.db import Database
from vipkit.scheduler import DailyJob

DAILY_RUN_AT = dt.time(0, 30)


def daily_jobs(
    program: Program, db_getter: Callable[[], Database], chunk_size: int = 500, *, timelines: bool = False
) -> list[DailyJob]:
    async def run(due: dt.datetime) -> object:
        """Today's run; dates missed since the last finished run (downtime) are run first, in order."""
        result = await runs.run_for_date(db_getter(), program, due.date(), chunk_size=chunk_size, timelines=timelines)
        return (
            f"{result.as_of} evaluated={result.evaluated} changed={result.changed} replayed={result.replayed}"
            f" caught_up={[d.isoformat() for d in result.caught_up]}"
        )

    return [DailyJob("tiering-daily-run", DAILY_RUN_AT, run, catch_up=False)]  # run_for_date catches up itself
