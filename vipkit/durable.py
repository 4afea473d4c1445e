"""Durable jobs: work that must eventually happen, written in the caller's transaction.

``enqueue(session, kind, payload)`` adds a row to ``durable_jobs`` in the same transaction as the
state change that needs it (a booking's cancellation and its ledger release commit together or not
at all). A ``JobRunner`` in every replica claims due jobs with a lease, runs the handler registered
for the job's kind outside any transaction, and then:

- success → ``done``;
- failure → ``pending`` again after an exponential backoff with jitter, capped
  (``base * 2**(n-1)``, halved-to-full jitter, at most ``cap``), with the error in ``last_error``;
- a ``PermanentJobError``, or a failure after ``give_up_at`` (24 h by default, 72 h for ledger
  effects) → ``dead``: visible to ops (``GET /api/v1/ops/{service}/jobs?state=dead``), re-runnable
  (``retry``) or ``discarded`` by a person, never dropped silently.

A runner that dies mid-job loses its lease; another replica re-claims the job after ``lease_until``
(so a handler must be idempotent: every remote call carries a stable key). Jobs sharing an
``ordering_key`` run one at a time in id order; a ``dead`` one holds the later ones until ops
retries or discards it (e.g. one booking's partner webhooks). Schedules use the wall clock; the
business time of the request that enqueued the job (test clock) is kept in ``test_now`` and
restored for the handler.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit import clock
from vipkit.db import Database, insert_ignore
from vipkit.plumbing import durable_jobs_table
from vipkit.polling import PollLoop

log = logging.getLogger("vipkit.durable")

JobHandler = Callable[[dict[str, Any]], Awaitable[None]]
DeadHook = Callable[[AsyncSession, dict[str, Any], str], Awaitable[None]]

DEFAULT_RETRY_FOR = dt.timedelta(hours=24)
LEDGER_RETRY_FOR = dt.timedelta(hours=72)
#: States that hold later jobs with the same ordering key.
BLOCKING_STATES = ("pending", "running", "dead")


class PermanentJobError(Exception):
    """Retrying cannot help (the remote refused for good): the job goes ``dead`` at once."""


@dataclass(frozen=True)
class JobKind:
    """A job kind's handler, and what to record in the service's own tables when it goes dead."""

    handler: JobHandler
    on_dead: DeadHook | None = None


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    test_now: str | None


def utcnow() -> dt.datetime:
    """Job schedules run on the wall clock, never on a request's test clock."""
    return dt.datetime.now(dt.UTC)


def backoff_seconds(
    failed_attempts: int, *, base: float, cap: float, rand: Callable[[], float] = random.random
) -> float:
    """Delay after the n-th failure: ``min(cap, base * 2**(n-1))`` with jitter in [half, full]."""
    ceiling = min(cap, base * 2 ** min(max(failed_attempts, 1) - 1, 30))
    return ceiling / 2 + rand() * ceiling / 2


async def enqueue(
    session: AsyncSession,
    kind: str,
    payload: Mapping[str, Any],
    *,
    dedupe_key: str | None = None,
    ordering_key: str | None = None,
    retry_for: dt.timedelta = DEFAULT_RETRY_FOR,
    delay_seconds: float = 0.0,
) -> bool:
    """Add a job in the session's transaction; False when a job with ``dedupe_key`` already exists."""
    now = utcnow()
    override = clock.override_value()
    values = {
        "kind": kind,
        "payload": json.dumps(dict(payload), ensure_ascii=False, separators=(",", ":"), default=str),
        "dedupe_key": dedupe_key,
        "ordering_key": ordering_key,
        "state": "pending",
        "attempts": 0,
        "run_after": now + dt.timedelta(seconds=delay_seconds),
        "give_up_at": now + retry_for,
        "retry_seconds": int(retry_for.total_seconds()),
        "test_now": override.isoformat() if override is not None else None,
        "created_at": now,
        "updated_at": now,
    }
    if dedupe_key is not None:
        added = await insert_ignore(session, durable_jobs_table, values)
    else:
        await session.execute(insert(durable_jobs_table).values(**values))
        added = True
    session.info["jobs_pending"] = True
    return added


def _due(now: dt.datetime) -> Any:
    j = durable_jobs_table
    return or_(
        and_(j.c.state == "pending", j.c.run_after <= now),
        and_(j.c.state == "running", j.c.lease_until < now),
    )


class JobRunner:
    """Claims and runs due jobs of the kinds it knows, until stopped."""

    def __init__(
        self,
        db: Database,
        kinds: Mapping[str, JobKind],
        *,
        name: str,
        base_seconds: float = 1.0,
        cap_seconds: float = 300.0,
        lease_seconds: float = 60.0,
        poll_seconds: float = 0.5,
        batch: int = 20,
        test_clock: bool = False,
    ) -> None:
        self.db = db
        self.kinds = dict(kinds)
        self.name = name
        self.base_seconds = base_seconds
        self.cap_seconds = cap_seconds
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.batch = batch
        self.test_clock = test_clock
        self.succeeded = 0
        self.failed = 0
        self.loop = PollLoop(
            self.run_once, idle_seconds=poll_seconds, error_initial_seconds=poll_seconds, on_error=self._round_failed
        )
        db.after_commit_hooks.append(self.wake)

    def wake(self) -> None:
        self.loop.wake()

    async def claim(self) -> list[ClaimedJob]:
        """Lease up to ``batch`` due jobs (a conditional update per job: one winner across replicas)."""
        j = durable_jobs_table
        earlier = durable_jobs_table.alias("earlier")
        now = utcnow()
        blocked = exists().where(
            earlier.c.ordering_key == j.c.ordering_key, earlier.c.id < j.c.id, earlier.c.state.in_(BLOCKING_STATES)
        )
        claimed: list[ClaimedJob] = []
        async with self.db.sessionmaker() as session, session.begin():
            rows = (
                await session.execute(
                    select(j.c.id, j.c.kind, j.c.payload, j.c.attempts, j.c.test_now)
                    .where(_due(now), j.c.kind.in_(list(self.kinds)), or_(j.c.ordering_key.is_(None), ~blocked))
                    .order_by(j.c.id)
                    .limit(self.batch)
                )
            ).all()
            for row in rows:
                result = await session.execute(
                    update(j)
                    .where(j.c.id == row.id, j.c.attempts == row.attempts, _due(now))
                    .values(
                        state="running",
                        attempts=row.attempts + 1,
                        lease_until=now + dt.timedelta(seconds=self.lease_seconds),
                        updated_at=now,
                    )
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    payload = json.loads(row.payload)
                    claimed.append(ClaimedJob(row.id, row.kind, payload, row.attempts + 1, row.test_now))
        return claimed

    async def run_once(self) -> int:
        """Claim due jobs and run them concurrently; returns how many ran."""
        jobs = await self.claim()
        if jobs:
            await asyncio.gather(*(self.execute(job) for job in jobs))
        return len(jobs)

    def _business_time(self, job: ClaimedJob) -> dt.datetime | None:
        if not (self.test_clock and job.test_now):
            return None
        return dt.datetime.fromisoformat(job.test_now)

    async def execute(self, job: ClaimedJob) -> None:
        kind = self.kinds[job.kind]
        try:
            with clock.frozen(self._business_time(job)):
                await asyncio.wait_for(kind.handler(job.payload), self.lease_seconds * 0.9)
        except asyncio.CancelledError:
            raise  # shutdown: the lease runs out and the job is claimed again
        except Exception as exc:
            self.failed += 1
            await self._record_failure(job, kind, exc)
            return
        self.succeeded += 1
        now = utcnow()
        async with self.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(durable_jobs_table)
                .where(durable_jobs_table.c.id == job.id, durable_jobs_table.c.attempts == job.attempts)
                .values(state="done", lease_until=None, finished_at=now, updated_at=now)
            )

    async def _record_failure(self, job: ClaimedJob, kind: JobKind, exc: Exception) -> None:
        j = durable_jobs_table
        now = utcnow()
        error = f"{type(exc).__name__}: {exc}"[:2000]
        with clock.frozen(self._business_time(job)):
            async with self.db.transaction() as session:
                give_up_at = await session.scalar(
                    select(j.c.give_up_at).where(j.c.id == job.id, j.c.attempts == job.attempts, j.c.state == "running")
                )
                if give_up_at is None:
                    return  # the lease expired and another runner owns the job now
                dead = isinstance(exc, PermanentJobError) or now >= give_up_at
                delay = backoff_seconds(job.attempts, base=self.base_seconds, cap=self.cap_seconds)
                values: dict[str, Any] = {"last_error": error, "lease_until": None, "updated_at": now}
                if dead:
                    values.update(state="dead", finished_at=now)
                else:
                    values.update(state="pending", run_after=now + dt.timedelta(seconds=delay))
                await session.execute(update(j).where(j.c.id == job.id).values(**values))
                if dead and kind.on_dead is not None:
                    await kind.on_dead(session, job.payload, error)
        log.warning(
            "durable job failed",
            extra={"job_id": job.id, "kind": job.kind, "attempt": job.attempts, "error": error, "dead": dead},
        )

    async def run(self) -> None:
        """Run until stopped; database trouble is logged and retried, never fatal (``vipkit.polling``)."""
        await self.loop.run()

    async def _round_failed(self, exc: Exception, retry_in: float) -> None:
        extra = {"runner": self.name, "error": repr(exc), "retry_in_s": retry_in}
        log.warning("durable job round failed; retrying", extra=extra)

    async def stop(self) -> None:
        self.loop.stop()


# --- ops ---------------------------------------------------------------------------------------------
async def list_jobs(
    session: AsyncSession, *, state: str | None, kind: str | None, limit: int, before: int | None = None
) -> list[dict[str, Any]]:
    """Newest first; keyset-paged on the id (``before``: the last id of the previous page)."""
    j = durable_jobs_table
    query = select(j).order_by(j.c.id.desc()).limit(limit)
    if before is not None:
        query = query.where(j.c.id < before)
    if state is not None:
        query = query.where(j.c.state == state)
    if kind is not None:
        query = query.where(j.c.kind == kind)
    return [dict(row) for row in (await session.execute(query)).mappings().all()]


async def get_job(session: AsyncSession, job_id: int) -> dict[str, Any] | None:
    query = select(durable_jobs_table).where(durable_jobs_table.c.id == job_id)
    row = (await session.execute(query)).mappings().first()
    return dict(row) if row is not None else None


async def retry_job(session: AsyncSession, job_id: int) -> bool:
    """Ops: run a dead (or discarded) job again now, with a fresh retry window; False if not dead."""
    j = durable_jobs_table
    now = utcnow()
    retry_for = await session.scalar(select(j.c.retry_seconds).where(j.c.id == job_id))
    if retry_for is None:
        return False
    result = await session.execute(
        update(j)
        .where(j.c.id == job_id, j.c.state.in_(("dead", "discarded")))
        .values(
            state="pending",
            run_after=now,
            give_up_at=now + dt.timedelta(seconds=retry_for),
            finished_at=None,
            updated_at=now,
        )
    )
    session.info["jobs_pending"] = True
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def discard_job(session: AsyncSession, job_id: int) -> bool:
    """Ops: give a dead job up for good (it stops holding later jobs with its ordering key)."""
    j = durable_jobs_table
    now = utcnow()
    result = await session.execute(
        update(j).where(j.c.id == job_id, j.c.state == "dead").values(state="discarded", updated_at=now)
    )
    session.info["jobs_pending"] = True
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def count_by_state(session: AsyncSession) -> dict[str, int]:
    j = durable_jobs_table
    rows = (await session.execute(select(j.c.state, func.count()).group_by(j.c.state))).all()
    return {state: int(n) for state, n in rows}
