"""Durable jobs: work that must eventually happen, written in the caller's transaction.

``enqueue(session, kind, payload)`` adds a row to ``durable_jobs`` in the same transaction as the
state change that needs it (a booking's cancellation and its ledger release commit together or not
at all). A ``JobRunner`` in every replica claims due jobs with a lease, runs the handler registered
for the job's kind outside any transaction, and then:

success → ``done``; failure → ``pending`` after a capped exponential backoff with jitter (``base *
2**(n-1)``, halved-to-full, at most ``cap``; ``last_error`` kept); a ``PermanentJobError`` or a
failure after ``give_up_at`` (24 h, 72 h for ledger effects) → ``dead``: visible to ops (``GET
/api/v1/ops/{service}/jobs?state=dead``), re-runnable (``retry``) or ``discarded``, never dropped.

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
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, insert, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit import clock
from vipkit.db import Database, insert_ignore
from vipkit.db_bulk import insert_ignore_many
from vipkit.plumbing import durable_jobs_table
from vipkit.polling import PollLoop

log = logging.getLogger("vipkit.durable")

JobHandler = Callable[[dict[str, Any]], Awaitable[None]]
DeadHook = Callable[[AsyncSession, dict[str, Any], str], Awaitable[None]]
BatchHandler = Callable[[list[dict[str, Any]]], Awaitable[list[Exception | None]]]

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
    #: recurring: one row (``every:<kind>``) run every ``every_seconds`` by one replica, never dead
    every_seconds: float | None = None
    #: the kind's own schedule: the delay after the n-th failure, None = give up (default: the backoff)
    retry_delay: Callable[[int], float | None] | None = None
    #: runs a round's jobs of this kind together (one call, e.g. one transaction to record them all):
    #: the payloads in, one error (or None: done) per payload out, in order
    batch_handler: BatchHandler | None = None


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
    values = _job_values(kind, payload, dedupe_key, ordering_key, retry_for, delay_seconds)
    if dedupe_key is not None:
        added = await insert_ignore(session, durable_jobs_table, values)
    else:
        await session.execute(insert(durable_jobs_table).values(**values))
        added = True
    session.info["jobs_pending"] = True
    return added


async def enqueue_many(
    session: AsyncSession,
    kind: str,
    jobs: Sequence[tuple[Mapping[str, Any], str | None]],
    *,
    retry_for: dt.timedelta = DEFAULT_RETRY_FOR,
) -> None:
    """Many ``enqueue`` (``(payload, dedupe_key)`` pairs) in one multi-row insert; a job whose dedupe
    key exists already is skipped (e.g. a consumer batch's notifications, each with its delivery job)."""
    if not jobs:
        return
    rows = [_job_values(kind, payload, dedupe_key, None, retry_for, 0.0) for payload, dedupe_key in jobs]
    await insert_ignore_many(session, durable_jobs_table, rows)
    session.info["jobs_pending"] = True


def _job_values(
    kind: str,
    payload: Mapping[str, Any],
    dedupe_key: str | None,
    ordering_key: str | None,
    retry_for: dt.timedelta,
    delay_seconds: float,
) -> dict[str, Any]:
    now = utcnow()
    override = clock.override_value()
    return {
        "kind": kind,
        "payload": json.dumps(dict(payload), ensure_ascii=False, separators=(",", ":"), default=str),
        "dedupe_key": dedupe_key,
        "ordering_key": ordering_key,
        "state": "pending",
        "attempts": 0,
        "lease_until": None,
        "run_after": now + dt.timedelta(seconds=delay_seconds),
        "give_up_at": now + retry_for,
        "retry_seconds": int(retry_for.total_seconds()),
        "test_now": override.isoformat() if override is not None else None,
        "last_error": None,
        "created_at": now,
        "updated_at": now,
        "finished_at": None,
    }


def _rearmed(now: dt.datetime, every: float, *, last_error: str | None) -> dict[str, Any]:
    """A recurring job's row after a run: pending again, due one interval later, a fresh window."""
    return {
        "state": "pending",
        "attempts": 0,
        "lease_until": None,
        "run_after": now + dt.timedelta(seconds=every),
        "give_up_at": now + DEFAULT_RETRY_FOR,
        "last_error": last_error,
        "finished_at": now,
        "updated_at": now,
    }


def _due(now: dt.datetime, j: Any = durable_jobs_table) -> Any:
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
        min_round_seconds: float = 0.0,
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
        self.min_round_seconds = min_round_seconds  # a round with work lasts this long at least (a rate cap)
        self.test_clock = test_clock
        self.succeeded = 0
        self.failed = 0
        self._recurring_ready = False
        self.loop = PollLoop(
            self.run_once, idle_seconds=poll_seconds, error_initial_seconds=poll_seconds, on_error=self._round_failed
        )
        db.after_commit_hooks.append(self.wake)

    def wake(self) -> None:
        self.loop.wake()

    async def claim(self) -> list[ClaimedJob]:
        """Lease up to ``batch`` due jobs with one ``UPDATE ... RETURNING``: candidates (pending ones by
        ``run_after``, expired leases) read along ``ix_durable_jobs_due`` up to the batch size, never
        a sort of every open job; PostgreSQL locks them ``SKIP LOCKED``, the due check is repeated."""
        j = durable_jobs_table
        now = utcnow()
        pending = self._candidates("pending", "run_after", now)
        expired = self._candidates("running", "lease_until", now)
        claim = (
            update(j)
            .where(or_(j.c.id.in_(pending), j.c.id.in_(expired)), _due(now))
            .values(
                state="running",
                attempts=j.c.attempts + 1,
                lease_until=now + dt.timedelta(seconds=self.lease_seconds),
                updated_at=now,
            )
            .returning(j.c.id, j.c.kind, j.c.payload, j.c.attempts, j.c.test_now)
        )
        async with self.db.sessionmaker() as session, session.begin():
            rows = (await session.execute(claim)).all()
        return [
            ClaimedJob(row.id, row.kind, json.loads(row.payload), row.attempts, row.test_now)
            for row in sorted(rows, key=lambda r: r.id)
        ]

    def _candidates(self, state: str, due_column: str, now: dt.datetime) -> Any:
        c = durable_jobs_table.alias(f"{state}_job")
        earlier = durable_jobs_table.alias(f"{state}_earlier")
        blocked = exists().where(
            earlier.c.ordering_key == c.c.ordering_key, earlier.c.id < c.c.id, earlier.c.state.in_(BLOCKING_STATES)
        )
        return (
            select(c.c.id)
            .where(c.c.state == state, c.c[due_column] <= now, c.c.kind.in_(list(self.kinds)))
            .where(or_(c.c.ordering_key.is_(None), ~blocked))
            .order_by(c.c[due_column])
            .limit(self.batch)
            .with_for_update(of=c, skip_locked=True)
            .scalar_subquery()
        )

    async def run_once(self) -> int:
        """Claim due jobs, run them concurrently, mark the ones that succeeded; returns how many ran."""
        started = asyncio.get_running_loop().time()
        await self.ensure_recurring()
        jobs = await self.claim()
        if jobs:
            batches: dict[tuple[str, str | None], list[ClaimedJob]] = {}
            for job in jobs:
                if self.kinds[job.kind].batch_handler is not None:
                    batches.setdefault((job.kind, job.test_now), []).append(job)
            singles = [self.execute(job) for job in jobs if self.kinds[job.kind].batch_handler is None]
            outcomes = await asyncio.gather(*singles, *(self.execute_batch(batch) for batch in batches.values()))
            await self._finish([job for done in outcomes for job in done])
            await asyncio.sleep(self.min_round_seconds - (asyncio.get_running_loop().time() - started))
        return len(jobs)

    async def ensure_recurring(self) -> None:
        """Add each recurring kind's row once (its first run one interval from now)."""
        recurring = [(name, kind.every_seconds) for name, kind in self.kinds.items() if kind.every_seconds]
        if not recurring or self._recurring_ready:
            return
        async with self.db.sessionmaker() as session, session.begin():
            for name, every in recurring:
                values = _job_values(name, {}, f"every:{name}", None, DEFAULT_RETRY_FOR, every or 0.0)
                await insert_ignore(session, durable_jobs_table, values)
        self._recurring_ready = True

    async def _finish(self, jobs: Sequence[ClaimedJob]) -> None:
        """Done (one statement for the round); a recurring job is due again one interval later."""
        if not jobs:
            return
        j = durable_jobs_table
        now = utcnow()
        once = [(job.id, job.attempts) for job in jobs if not self.kinds[job.kind].every_seconds]
        async with self.db.sessionmaker() as session, session.begin():
            if once:
                await session.execute(
                    update(j)
                    .where(j.c.id.in_([id_ for id_, _ in once]), tuple_(j.c.id, j.c.attempts).in_(once))
                    .values(state="done", lease_until=None, finished_at=now, updated_at=now)
                )
            for job in jobs:
                every = self.kinds[job.kind].every_seconds
                if every:
                    await session.execute(
                        update(j)
                        .where(j.c.id == job.id, j.c.attempts == job.attempts)
                        .values(_rearmed(now, every, last_error=None))
                    )

    def _business_time(self, job: ClaimedJob) -> dt.datetime | None:
        if not (self.test_clock and job.test_now):
            return None
        return dt.datetime.fromisoformat(job.test_now)

    async def execute(self, job: ClaimedJob) -> list[ClaimedJob]:
        """Run one claimed job; ``[job]`` when it succeeded (``run_once`` marks it), ``[]`` when it failed."""
        kind = self.kinds[job.kind]
        try:
            with clock.frozen(self._business_time(job)):
                await asyncio.wait_for(kind.handler(job.payload), self.lease_seconds * 0.9)
        except asyncio.CancelledError:
            raise  # shutdown: the lease runs out and the job is claimed again
        except Exception as exc:
            return await self._outcomes([job], [exc])
        return await self._outcomes([job], [None])

    async def execute_batch(self, jobs: list[ClaimedJob]) -> list[ClaimedJob]:
        """Run a round's jobs of one batch kind (and one business time) with one call; the ones done."""
        kind = self.kinds[jobs[0].kind]
        assert kind.batch_handler is not None
        try:
            with clock.frozen(self._business_time(jobs[0])):
                batch = kind.batch_handler([job.payload for job in jobs])
                errors = await asyncio.wait_for(batch, self.lease_seconds * 0.9)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            errors = [exc] * len(jobs)
        return await self._outcomes(jobs, errors)

    async def _outcomes(self, jobs: list[ClaimedJob], errors: Sequence[Exception | None]) -> list[ClaimedJob]:
        done = []
        for job, error in zip(jobs, errors, strict=True):
            if error is None:
                self.succeeded += 1
                done.append(job)
            else:
                self.failed += 1
                await self._record_failure(job, self.kinds[job.kind], error)
        return done

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
                every = kind.every_seconds
                delay = self._retry_delay(kind, job.attempts)
                dead = not every and (isinstance(exc, PermanentJobError) or now >= give_up_at or delay is None)
                delay = delay or 0.0
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

    def _retry_delay(self, kind: JobKind, attempts: int) -> float | None:
        if kind.retry_delay is not None:
            return kind.retry_delay(attempts)
        cap = min(self.cap_seconds, kind.every_seconds or self.cap_seconds)
        return backoff_seconds(attempts, base=self.base_seconds, cap=cap)

    async def run(self) -> None:
        """Run until stopped; database trouble is logged and retried, never fatal (``vipkit.polling``)."""
        await self.loop.run()

    async def _round_failed(self, exc: Exception, retry_in: float) -> None:
        extra = {"runner": self.name, "error": repr(exc), "retry_in_s": retry_in}
        log.warning("durable job round failed; retrying", extra=extra)

    async def stop(self) -> None:
        self.loop.stop()
