"""The built-in scheduler (SPEC 7.3): daily jobs at local times, each occurrence run once.

Every replica runs the loop; a job occurrence is claimed by inserting ``(job, occurrence)`` into
``job_runs`` (primary key), so exactly one replica runs it. The jobs themselves are the same code
the ops ``runs`` endpoints call with an explicit ``as_of``.

Issue 12: a claim is a lease (``lease_until``, renewed while the job runs). An occurrence that
failed is claimed again on the next tick (then after a growing delay, at most ``max_attempts``
times); one whose process died or was shut down mid-run is claimed again once its lease has passed.
After downtime the occurrences missed since the job's last recorded one (at most
``catch_up_days``) run in date order, each only after the one before it finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select, update

from vipkit import clock
from vipkit.db import Database, insert_ignore, job_runs_table
from vipkit.durable import utcnow

log = logging.getLogger("vipkit.scheduler")


@dataclass
class DailyJob:
    """Run ``run(as_of)`` once a day at local time ``at`` (as_of: the aware local datetime due)."""

    name: str
    at: dt.time
    run: Callable[[dt.datetime], Awaitable[object]]
    #: run the occurrences missed during downtime first; False when the job catches up by itself
    #: (tiering's run for a date runs every date missed since its last finished run)
    catch_up: bool = True


async def claim_occurrence(
    db: Database, job: str, occurrence: str, *, lease_seconds: float = 60.0, max_attempts: int = 6
) -> bool:
    """True for exactly one caller per (job, occurrence) at a time, across replicas; an unfinished
    occurrence whose lease has passed (failed, or its runner died) can be claimed again."""
    t = job_runs_table
    wall = utcnow()
    lease_until = wall + dt.timedelta(seconds=lease_seconds)
    async with db.sessionmaker() as session, session.begin():
        if await insert_ignore(
            session,
            t,
            {
                "job": job,
                "occurrence": occurrence,
                "started_at": clock.now(),
                "attempts": 1,
                "lease_until": lease_until,
            },
        ):
            return True
        result = await session.execute(
            update(t)
            .where(
                t.c.job == job,
                t.c.occurrence == occurrence,
                t.c.finished_at.is_(None),
                or_(t.c.lease_until.is_(None), t.c.lease_until < wall),
                t.c.attempts < max_attempts,
            )
            .values(attempts=t.c.attempts + 1, lease_until=lease_until, started_at=clock.now(), result=None)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


async def finish_occurrence(db: Database, job: str, occurrence: str, result: str) -> None:
    async with db.sessionmaker() as session, session.begin():
        await session.execute(
            update(job_runs_table)
            .where(job_runs_table.c.job == job, job_runs_table.c.occurrence == occurrence)
            .values(finished_at=clock.now(), result=result[:2000], lease_until=None)
        )


async def fail_occurrence(db: Database, job: str, occurrence: str, error: str, retry_in_seconds: float) -> None:
    """Leave the occurrence unfinished with its error; it may be claimed again after the delay."""
    async with db.sessionmaker() as session, session.begin():
        await session.execute(
            update(job_runs_table)
            .where(job_runs_table.c.job == job, job_runs_table.c.occurrence == occurrence)
            .values(result=error[:2000], lease_until=utcnow() + dt.timedelta(seconds=retry_in_seconds))
        )


async def _renew_lease(db: Database, job: str, occurrence: str, lease_seconds: float) -> None:
    t = job_runs_table
    while True:
        await asyncio.sleep(lease_seconds / 3)
        with contextlib.suppress(Exception):  # a missed renewal at worst lets another replica re-run
            async with db.sessionmaker() as session, session.begin():
                await session.execute(
                    update(t)
                    .where(t.c.job == job, t.c.occurrence == occurrence, t.c.finished_at.is_(None))
                    .values(lease_until=utcnow() + dt.timedelta(seconds=lease_seconds))
                )


class Scheduler:
    def __init__(
        self,
        db: Database,
        jobs: list[DailyJob],
        *,
        tick_seconds: float = 15.0,
        first_tick_seconds: float = 5.0,
        lease_seconds: float = 60.0,
        max_attempts: int = 6,
        catch_up_days: int = 7,
    ) -> None:
        self.db = db
        self.jobs = jobs
        self.tick_seconds = tick_seconds
        self.first_tick_seconds = first_tick_seconds
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.catch_up_days = catch_up_days

    def retry_delay(self, attempts: int) -> float:
        """The first retry on the next tick, then a growing delay (at most an hour)."""
        return 0.0 if attempts <= 1 else min(self.tick_seconds * 2 ** (attempts - 2), 3600.0)

    async def due_days(self, job: DailyJob, now: dt.datetime) -> list[dt.date]:
        """Days whose occurrence is due: from the last recorded one (missed days caught up, at most
        ``catch_up_days``) to the latest due; only the latest when the job never ran."""
        today_due = clock.local_datetime(now.date(), job.at.hour, job.at.minute, job.at.second)
        latest = now.date() if now >= today_due else now.date() - dt.timedelta(days=1)
        async with self.db.sessionmaker() as session:
            last = await session.scalar(
                select(func.max(job_runs_table.c.occurrence)).where(job_runs_table.c.job == job.name)
            )
        if last is None or not job.catch_up:
            return [now.date()] if now >= today_due else []
        first = max(dt.date.fromisoformat(last), latest - dt.timedelta(days=self.catch_up_days - 1))
        return [first + dt.timedelta(days=n) for n in range((latest - first).days + 1)]

    async def _state(self, job: str, occurrence: str) -> tuple[bool, int]:
        t = job_runs_table
        async with self.db.sessionmaker() as session:
            row = (
                await session.execute(
                    select(t.c.finished_at, t.c.attempts).where(t.c.job == job, t.c.occurrence == occurrence)
                )
            ).first()
        return (row is not None and row.finished_at is not None, row.attempts if row is not None else 0)

    async def run_occurrence(self, job: DailyJob, day: dt.date) -> bool | None:
        """Claim and run one occurrence: True when it ran, False when it failed, None when not claimed."""
        occurrence = day.isoformat()
        if not await claim_occurrence(
            self.db, job.name, occurrence, lease_seconds=self.lease_seconds, max_attempts=self.max_attempts
        ):
            return None
        due = clock.local_datetime(day, job.at.hour, job.at.minute, job.at.second)
        log.info("scheduled job claimed", extra={"job": job.name, "occurrence": occurrence})
        renewal = asyncio.create_task(_renew_lease(self.db, job.name, occurrence, self.lease_seconds))
        try:
            result = await job.run(due)
        except asyncio.CancelledError:
            renewal.cancel()
            with contextlib.suppress(Exception):  # shut down mid-run: another tick may take it at once
                await asyncio.shield(fail_occurrence(self.db, job.name, occurrence, "error: interrupted", 0.0))
            raise
        except Exception as exc:
            renewal.cancel()
            _, attempts = await self._state(job.name, occurrence)
            log.exception(
                "scheduled job failed", extra={"job": job.name, "occurrence": occurrence, "attempt": attempts}
            )
            await fail_occurrence(self.db, job.name, occurrence, f"error: {exc!r}", self.retry_delay(attempts))
            return False
        renewal.cancel()
        await finish_occurrence(self.db, job.name, occurrence, f"ok: {result}")
        return True

    async def tick(self, now: dt.datetime | None = None) -> list[str]:
        """Run every due occurrence not yet done, in date order per job; returns the names run."""
        now = now or clock.now()
        ran = []
        for job in self.jobs:
            for day in await self.due_days(job, now):
                outcome = await self.run_occurrence(job, day)
                if outcome:
                    ran.append(job.name)
                    continue
                finished, attempts = await self._state(job.name, day.isoformat())
                if not finished and attempts < self.max_attempts:
                    break  # in order: later days wait until this one has run
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
