"""Revisit scheduled jobs (the same code the ops runs endpoint calls).

At 10:00 local time: the SMS batch for policies underwritten in [yesterday 10:00, today 10:00),
second SMS due, phone escalations due. The scheduler claims each day's occurrence once across
replicas; ``POST /api/v1/revisits/runs`` runs the same thing with an explicit ``as_of``.
"""

from __future__ import annotations

import datetime as dt

from services.revisit import rules
from services.revisit.context import RevisitContext
from services.revisit.service import run_due
from services.revisit.settings import RevisitSettings
from vipkit.db import Database
from vipkit.scheduler import DailyJob


async def run_revisits(db: Database, settings: RevisitSettings, as_of: dt.datetime) -> str:
    """The daily run; its SMS batches commit chunk by chunk (``batch.py``), the rest at the end."""
    async with db.sessionmaker() as session:

        async def commit() -> None:
            await session.commit()
            db.notify_committed(session)

        result = await run_due(session, settings, as_of, commit)
        await commit()
    return f"first_sms={len(result.first_sms)} second_sms={len(result.second_sms)} escalated={len(result.escalated)}"


def daily_jobs(ctx: RevisitContext) -> list[DailyJob]:
    async def run(as_of: dt.datetime) -> str:
        return await run_revisits(ctx.database, ctx.settings, as_of)

    return [DailyJob("revisit_daily_run", rules.SMS_BATCH_TIME, run)]
