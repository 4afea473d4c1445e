"""Tiering's dated runs: their bookkeeping rows and which customers a run must evaluate (all SQL).

Split from ``repository.py`` by responsibility; like it, only adds and flushes (the caller owns the
transaction).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, extract, func, literal, or_, select, text, union, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.tiering.models import Policy, PolicyTopUp, TieringRun, TierStateRow
from services.tiering.programs import NONE, Program
from vipkit import clock
from vipkit.db import insert_ignore, is_postgres


async def get_run(session: AsyncSession, as_of: dt.date) -> TieringRun | None:
    return await session.get(TieringRun, as_of)


async def last_run_date(session: AsyncSession) -> dt.date | None:
    value: dt.date | None = (await session.execute(select(func.max(TieringRun.as_of)))).scalar_one_or_none()
    return value


async def claim_run(session: AsyncSession, as_of: dt.date, program: str) -> bool:
    return await insert_ignore(
        session,
        TieringRun.__table__,  # type: ignore[arg-type]
        {"as_of": as_of, "program": program, "started_at": clock.now(), "evaluated": 0, "changed": 0, "notices": 0},
    )


async def finish_run(session: AsyncSession, as_of: dt.date, evaluated: int, changed: int, notices: int) -> None:
    await session.execute(
        update(TieringRun)
        .where(TieringRun.as_of == as_of)
        .values(finished_at=clock.now(), evaluated=evaluated, changed=changed, notices=notices)
    )


async def last_finished_run(session: AsyncSession, before: dt.date) -> TieringRun | None:
    """The latest finished run strictly before ``before`` (the basis of a filtered run)."""
    stmt = (
        select(TieringRun)
        .where(TieringRun.as_of < before, TieringRun.finished_at.is_not(None))
        .order_by(TieringRun.as_of.desc())
        .limit(1)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


def _day_number(value: ColumnElement[dt.date]) -> ColumnElement[int]:
    """A date as the integer yyyymmdd (portable: EXTRACT on PostgreSQL, STRFTIME on SQLite)."""
    return extract("year", value) * 10000 + extract("month", value) * 100 + extract("day", value)


#: for the one statement that joins every policy with every state (PostgreSQL, this transaction
#: only): at 1M customers / 3M policies its hash join spilled to 8 batches with the default 4 MB,
#: and JIT compiling its expressions took about 1 of its 5-6 s; without both it took 3.8-4.4 s
#: instead of 4.7-5.3 s (alternating runs, bench/README.md 2026-12-07). A run is once a day, so the
#: memory is affordable.
WHOLE_PORTFOLIO_SETTINGS = ("SET LOCAL work_mem = '64MB'", "SET LOCAL jit = off")


async def due_customer_ids(
    session: AsyncSession, program: Program, as_of: dt.date, basis: dt.date, basis_started: dt.datetime
) -> list[str]:
    """Customers whose state could change on ``as_of``: one set-based statement, no policy leaves the DB.

    The pure rules stay the only place where decisions are taken; this only narrows down whom to
    hand to them, and errs on the side of evaluating. A tier state is a function of the customer's
    policies, the previous state and the date. Every policy change re-rates its subjects at once
    (intake), and the previous finished run (``basis``) brought every state to ``basis`` (by
    induction: this same filter, or a full run). Between ``lo`` = min(``basis``, the state's
    ``evaluated_on``) and ``as_of`` the rating of unchanged policies can only move when a date passes;
    the state machine only acts on its own when a downgrade is pending or ``as_of`` is a review date.
    So a customer is due when any of these holds:

    - no tier state yet, another program's state, or a tier code the program does not know;
    - a pending downgrade (grace, next-day drop) or any pending field set;
    - ``as_of`` is a review date and the stored score is below the stored tier's bound (any tier
      with a channel filter: every customer with a tier);
    - a policy of theirs changed since ``basis``'s run started (written without a re-rating);
    - a policy that can count (status, channel, loan filters of the program) has its effective
      date, cooling-off end, a top-up date or (``levels``) the end of payment period + N years in
      ``(lo, as_of]`` (the last one compared as yyyymmdd integers, widened by one so that a 29 Feb
      anniversary is never missed).

    Customers evaluated on a later date than ``as_of`` are left out (a run never goes back).
    """
    s = TierStateRow.__table__.alias("s")
    not_later = or_(s.c.evaluated_on.is_(None), s.c.evaluated_on <= as_of)
    lo = case((s.c.evaluated_on < basis, s.c.evaluated_on), else_=literal(basis, type_=s.c.evaluated_on.type))
    from_policies, from_top_ups = _due_by_policies(program, s, not_later, lo, as_of, basis_started)
    from_states = select(s.c.customer_id.label("customer_id")).where(not_later, or_(*_state_due(program, s, as_of)))
    if is_postgres(session):
        for setting in WHOLE_PORTFOLIO_SETTINGS:
            await session.execute(text(setting))
    rows = (await session.execute(union(from_policies, from_top_ups, from_states))).scalars()
    return sorted(rows)


def _due_by_policies(
    program: Program,
    s: Any,
    not_later: ColumnElement[bool],
    lo: ColumnElement[dt.date],
    as_of: dt.date,
    basis_started: dt.datetime,
) -> tuple[Select[Any], Select[Any]]:
    """Customers due through a policy (changed since ``basis``, a date of it passed) or a top-up date."""
    p = Policy.__table__.alias("p")
    t = PolicyTopUp.__table__.alias("t")
    subj = p.c.holder_customer_id if program.subject == "holder" else p.c.insured_customer_id

    def passed(column: ColumnElement[dt.date]) -> ColumnElement[bool]:
        return and_(column > lo, column <= as_of)

    e = program.eligibility
    eligible = [p.c.status.in_([x.value for x in e.statuses]), p.c.channel.in_([x.value for x in e.channels])]
    if e.exclude_loan_or_pledge:
        eligible.append(p.c.loan_or_pledge.is_(False))
    dates = [passed(p.c.effective_date), passed(p.c.cooling_off_end)]
    if e.max_years_after_payment_period is not None:
        years = case((p.c.payment_mode == "single", 1), else_=p.c.payment_years) + e.max_years_after_payment_period
        cutoff = _day_number(p.c.effective_date) + years * 10000
        as_of_number = as_of.year * 10000 + as_of.month * 100 + as_of.day
        dates.append(and_(cutoff > _day_number(lo), cutoff - 1 <= as_of_number))
    from_policies = (
        select(subj.label("customer_id"))
        .select_from(p.outerjoin(s, s.c.customer_id == subj))
        .where(
            subj.is_not(None),
            not_later,
            or_(s.c.customer_id.is_(None), p.c.updated_at >= basis_started, and_(*eligible, or_(*dates))),
        )
    )
    from_top_ups = (
        select(subj.label("customer_id"))
        .select_from(t.join(p, p.c.policy_no == t.c.policy_no).outerjoin(s, s.c.customer_id == subj))
        .where(subj.is_not(None), not_later, *eligible, passed(t.c.date))
    )
    return from_policies, from_top_ups


def _state_due(program: Program, s: Any, as_of: dt.date) -> list[ColumnElement[bool]]:
    """Customers due through their stored state: unknown, pending, or below the bound on a review date."""
    known = [NONE, *(tier.code for tier in program.tiers)]
    state_due = [
        s.c.program != program.program,
        s.c.tier.not_in(known),
        s.c.pending_to.is_not(None),
        s.c.pending_at.is_not(None),
    ]
    if program.is_review_date(as_of):
        if any(tier.channels is not None for tier in program.tiers):
            state_due.append(s.c.tier != NONE)
        else:
            state_due += [and_(s.c.tier == tier.code, s.c.score < tier.min_score) for tier in program.tiers]
    return state_due


async def count_states_not_after(session: AsyncSession, as_of: dt.date) -> int:
    stmt = (
        select(func.count())
        .select_from(TierStateRow)
        .where(or_(TierStateRow.evaluated_on.is_(None), TierStateRow.evaluated_on <= as_of))
    )
    return int((await session.execute(stmt)).scalar_one())
