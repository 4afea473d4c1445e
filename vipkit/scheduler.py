"""The built-in scheduler (SPEC 7.3): daily jobs at local times, each occurrence run once.

Every replica runs the loop; a job occurrence is claimed by inserting ``(job, occurrence)`` into
``job_runs`` (primary key), so exactly one replica runs it. The jobs themselves are the same code
the ops ``runs`` endpoints call with an explicit ``as_of``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import update

from vipkit import clock
from vipkit.db import Database, insert_ignore, job_runs_table

log = logging.getLogger("vipkit.scheduler")


@dataclass
class DailyJob:
    """Run ``run(as_of)`` once a day at local time ``at`` (as_of: the aware local datetime due)."""

    name: str
    at: dt.time
    run: Callable[[dt.datetime], Awaitable[object]]


async def claim_occurrence(db: Database, job: str, occurrence: str) -> bool:
    """True for exactly one caller per (job, occurrence), across replicas."""
    async with db.sessionmaker() as session, session.begin():
        return await insert_ignore(
            session,
            job_runs_table,
            {"job": job, "occurrence": occurrence, "started_at": clock.now()},
        )


async def finish_occurrence(db: Database, job: str, occurrence: str, result: str) -> None:
    async with db.sessionmaker() as session, session.begin():
        await session.execute(
            update(job_runs_table)
            .where(job_runs_table.c.job == job, job_runs_table.c.occurrence == occurrence)
            .values(finished_at=clock.now(), result=result[:2000])
        )


class Scheduler:
    def __init__(
        self, db: Database, jobs: list[DailyJob], *, tick_seconds: float = 15.0, first_tick_seconds: float = 5.0
    ) -> None:
        self.db = db
        self.jobs = jobs
        self.tick_seconds = tick_seconds
        self.first_tick_seconds = first_tick_seconds

    async def tick(self, now: dt.datetime | None = None) -> list[str]:
        """Run every job due today and not yet claimed; returns the names run."""
        now = now or clock.now()
        ran = []
        for job in self.jobs:
            due = clock.local_datetime(now.date(), job.at.hour, job.at.minute, job.at.second)
            if now < due:
                continue
            occurrence = due.date().isoformat()
            if not await claim_occurrence(self.db, job.name, occurrence):
                continue
            log.info("scheduled job claimed", extra={"job": job.name, "occurrence": occurrence})
            try:
                result = await job.run(due)
                await finish_occurrence(self.db, job.name, occurrence, f"ok: {result}")
                ran.append(job.name)
            except Exception as exc:
                log.exception("scheduled job failed", extra={"job": job.name, "occurrence": occurrence})
                await finish_occurrence(self.db, job.name, occurrence, f"error: {exc!r}")
        return ran

    async def run(self) -> None:
        await asyncio.sleep(self.first_tick_seconds)
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scheduler tick failed")
            await asyncio.sleep(self.tick_seconds)
