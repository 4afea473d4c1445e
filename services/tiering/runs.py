"""Tiering runs (SPEC 7 ``POST /api/v1/tiering/runs``, SPEC 7.3): everything due on a date.

The scheduler's daily job, the ops endpoint and the CLI all call ``run_for_date``. Decisions:

- **Production** (the real clock): runs are idempotent per date (a finished date answers
  ``replayed: true`` and does nothing); ``as_of`` after today is refused with 422 (a typo such as
  2062 would otherwise send notices now and block every later run); a date earlier than the latest
  run is refused with 409 ``conflict`` (runs go forward); every date missed since the last finished
  run is run first, in order (``caught_up``), so a review date lost to downtime is never skipped —
  the scheduler and ops use the same code. An interrupted run is resumed by calling it again.
  Customers are processed in chunks, one transaction per chunk, each state row locked
  (``FOR UPDATE`` on PostgreSQL).
- **Time travel** (``VIP_TEST_CLOCK=1`` only): every customer has their own timeline
  (``evaluated_on``), which only goes forward. A run for any date, in any order, evaluates every
  customer not evaluated after that date and skips the others (``skipped``); a date may be run
  again (for customers that reached it later). So independent QA scenarios (each with their own
  customers) run their dates on one shared stack in any order and in parallel, and the demo data
  never blocks them. ``customer_ids`` scopes a run to a scenario's customers (parallel scenarios
  never move each other's customers). No catch-up and no future-date refusal in this mode.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator

from services.tiering import bulk, rules
from services.tiering import repository as repo
from services.tiering import runs_repository as runs_repo
from services.tiering.bulk import RerateStats
from services.tiering.programs import Program
from services.tiering.schemas import RunRead
from vipkit import clock
from vipkit.db import Database
from vipkit.problems import Conflict, ValidationProblem

log = logging.getLogger("tiering.runs")


class RunOutOfOrder(Conflict):
    """409 conflict: runs go forward; a date before the latest run is refused."""


class RunScopeRefused(ValidationProblem):
    """422 validation_error: ``customer_ids`` (a run for some customers only) is for time travel only."""


class RunInFuture(ValidationProblem):
    """422 validation_error: under the real clock a run's ``as_of`` may not be after today (SPEC 7.3)."""


# --- runs ----------------------------------------------------------------------------------------
def _run_read(run: object, replayed: bool, **extra: object) -> RunRead:
    stored = {k: getattr(run, k) for k in RunRead.model_fields if k not in ("replayed", "caught_up", "skipped")}
    return RunRead.model_validate({**stored, "replayed": replayed, **extra})


#: chunks re-rated at once (PostgreSQL): while one waits for the database, the next runs the rules
RUN_CONCURRENCY = 2


async def _rerate_chunks(
    db: Database,
    program: Program,
    as_of: dt.date,
    at: dt.datetime,
    chunks: AsyncIterator[list[str]],
    setwise: bool,
    timelines: bool,
) -> RerateStats:
    """Each chunk of customers re-rated in its own transaction; on PostgreSQL up to ``RUN_CONCURRENCY``
    chunks at once. The chunks are disjoint, so each customer's state, history and events are what
    one chunk after the other gives (the outbox interleaves customers, each customer's events stay in
    order); a failed chunk stops the run (the others are finished or cancelled; running it again resumes)."""
    total = RerateStats()

    async def one(ids: list[str]) -> None:
        async with db.transaction() as session:
            stats = await bulk.rerate(
                session,
                program,
                ids,
                at,
                cause=f"run {as_of.isoformat()}",
                forward_only=True,
                setwise=setwise,
                record_evaluation=timelines,
            )
        total.add(stats)

    limit = RUN_CONCURRENCY if db.is_postgres else 1
    pending: set[asyncio.Task[None]] = set()
    try:
        async for ids in chunks:
            if len(pending) >= limit:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
            pending.add(asyncio.create_task(one(ids)))
        for finished in asyncio.as_completed(list(pending)):
            await finished
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    return total


async def _pages(db: Database, program: Program, chunk_size: int) -> AsyncIterator[list[str]]:
    """Every customer, in keyset pages (the first run, or ``prefilter=False``)."""
    after = ""
    while True:
        async with db.sessionmaker() as session:
            ids = await repo.subject_ids_page(session, program.subject, after, chunk_size)
        if not ids:
            return
        yield ids
        after = ids[-1]


async def _slices(due: list[str], chunk_size: int) -> AsyncIterator[list[str]]:
    """The given customers (found due by the prefilter, or named in a time-travel run) in chunks."""
    for start in range(0, len(due), chunk_size):
        yield due[start : start + chunk_size]


async def _rerate_all(
    db: Database,
    program: Program,
    as_of: dt.date,
    at: dt.datetime,
    chunk_size: int,
    setwise: bool,
    *,
    timelines: bool = False,
) -> RerateStats:
    return await _rerate_chunks(db, program, as_of, at, _pages(db, program, chunk_size), setwise, timelines)


async def _rerate_due(
    db: Database,
    program: Program,
    as_of: dt.date,
    at: dt.datetime,
    due: list[str],
    chunk_size: int,
    setwise: bool,
    *,
    timelines: bool = False,
) -> RerateStats:
    return await _rerate_chunks(db, program, as_of, at, _slices(due, chunk_size), setwise, timelines)


async def run_for_date(
    db: Database,
    program: Program,
    as_of: dt.date,
    *,
    chunk_size: int = 500,
    prefilter: bool = True,
    setwise: bool = True,
    timelines: bool = False,
    catch_up: bool = True,
    customer_ids: list[str] | None = None,
) -> RunRead:
    """Everything due on ``as_of``: daily upgrades, cooling-off confirmations, reviews, next-day drops.

    Production (``timelines=False``): ``as_of`` after today is refused (422), a date before the latest
    run is refused (409), a finished date is replayed, and every date missed since the last finished
    run is run first, in order (``caught_up``). ``timelines=True`` (the test clock): per-customer
    timelines, see the module docstring. ``catch_up=False`` runs ``as_of`` alone (tests of the
    prefilter across gaps between runs).
    """
    if timelines:
        return await _run_timelines(db, program, as_of, chunk_size, setwise, customer_ids)
    if customer_ids is not None:
        raise RunScopeRefused(
            "customer_ids: a run for some customers only is for time travel (VIP_TEST_CLOCK=1)",
            field="customer_ids",
        )
    today = clock.today()
    if as_of > today:
        raise RunInFuture(
            f"as_of: {as_of.isoformat()} is after today ({today.isoformat()}); a run may not be ahead of the clock",
            field="as_of",
            today=today.isoformat(),
        )
    async with db.sessionmaker() as session:
        existing = await runs_repo.get_run(session, as_of)
        if existing is not None and existing.finished_at is not None:
            return _run_read(existing, True)
        last = await runs_repo.last_run_date(session)
        if existing is None and last is not None and last > as_of:
            raise RunOutOfOrder(
                f"runs go forward: {as_of.isoformat()} is before the latest run {last.isoformat()}",
                last_run=last.isoformat(),
            )
        basis = await runs_repo.last_finished_run(session, as_of)
    missed = rules.missed_run_dates(basis.as_of if basis is not None else None, as_of) if catch_up else []
    if missed:
        log.warning(
            "tiering run catches up missed dates first",
            extra={"as_of": as_of.isoformat(), "missed": [d.isoformat() for d in missed]},
        )
    for day in missed:
        await _run_date(db, program, day, chunk_size=chunk_size, prefilter=prefilter, setwise=setwise)
    return await _run_date(
        db, program, as_of, chunk_size=chunk_size, prefilter=prefilter, setwise=setwise, caught_up=missed
    )


async def _run_date(
    db: Database,
    program: Program,
    as_of: dt.date,
    *,
    chunk_size: int,
    prefilter: bool,
    setwise: bool,
    caught_up: list[dt.date] | None = None,
) -> RunRead:
    """One date, claimed (or resumed when interrupted), then finished.

    The first run (no finished run before ``as_of``) evaluates every customer. Later runs first find,
    in one set-based statement (``runs_repo.due_customer_ids``), the customers whose state could change
    since the previous finished run (dates passed, pending downgrades, review dates, new customers,
    policies changed behind the intake's back) and hand only those to the pure rules; skipping the
    others is what a full evaluation would do with them (their state would not differ but for
    ``evaluated_on``, which runs do not write). ``prefilter=False`` forces the full evaluation
    (tests compare both). ``setwise`` (default) takes the scores from one SQL aggregation per chunk
    (``bulk.rerate``); ``setwise=False`` rates every customer's policies with the rules (tests compare
    both). ``evaluated`` counts every customer the run covers (skipped ones included).
    """
    async with db.sessionmaker() as session, session.begin():
        await runs_repo.claim_run(session, as_of, program.program)
    at = clock.local_datetime(as_of, 0)
    async with db.sessionmaker() as session:
        basis = await runs_repo.last_finished_run(session, as_of) if prefilter else None
        due = (
            await runs_repo.due_customer_ids(session, program, as_of, basis.as_of, basis.started_at)
            if basis is not None and basis.program == program.program
            else None
        )
    if due is None:
        total = await _rerate_all(db, program, as_of, at, chunk_size, setwise)
    else:
        total = await _rerate_due(db, program, as_of, at, due, chunk_size, setwise)
        async with db.sessionmaker() as session:
            total.evaluated = await runs_repo.count_states_not_after(session, as_of)
    return await _finish(db, as_of, total, caught_up=caught_up or [])


async def _run_timelines(
    db: Database, program: Program, as_of: dt.date, chunk_size: int, setwise: bool, customer_ids: list[str] | None
) -> RunRead:
    """Time travel: every customer (or every one of ``customer_ids``) whose timeline has not passed
    ``as_of`` is evaluated on it; the others are skipped."""
    async with db.sessionmaker() as session, session.begin():
        await runs_repo.claim_run(session, as_of, program.program)
    at = clock.local_datetime(as_of, 0)
    if customer_ids is None:
        total = await _rerate_all(db, program, as_of, at, chunk_size, setwise, timelines=True)
    else:
        async with db.sessionmaker() as session:
            known = await repo.known_subject_ids(session, program.subject, customer_ids)
        total = await _rerate_due(db, program, as_of, at, known, chunk_size, setwise, timelines=True)
    return await _finish(db, as_of, total, caught_up=[], skipped=total.skipped)


async def _finish(db: Database, as_of: dt.date, total: RerateStats, **extra: object) -> RunRead:
    async with db.sessionmaker() as session, session.begin():
        await runs_repo.finish_run(session, as_of, total.evaluated, total.changed, total.notices)
        run = await runs_repo.get_run(session, as_of)
        assert run is not None
        await session.refresh(run)
        return _run_read(run, False, **extra)
