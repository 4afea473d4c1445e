"""Tiering: all SQL lives here (repositories only add and flush; the caller owns the transaction)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    any_,
    bindparam,
    case,
    extract,
    func,
    literal,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.tiering.mapping import policy_facts, top_up_fact
from services.tiering.models import Policy, PolicyTopUp, TierHistory, TieringRun, TierStateRow
from services.tiering.programs import NONE, Program
from services.tiering.rules import PolicyFacts, TopUpFact
from vipkit import clock
from vipkit.db import insert_ignore


def _is_pg(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _one_of(
    session: AsyncSession, column: ColumnElement[str] | InstrumentedAttribute[str], values: Sequence[str]
) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``column = ANY($1::varchar[])``: one array parameter.

    An expanded ``IN ($1, ..., $2000)`` of bound parameters is not hashed by PostgreSQL; when the
    planner picks a sequential scan (small or bloated ``tier_states``) every row is compared with
    every parameter, so each chunk costs O(table size) (the slowdown with portfolio size). The array
    form is planned as an index lookup per value.
    """
    if _is_pg(session):
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(list(values))


def subject_column(subject: str):  # type: ignore[no-untyped-def]
    return Policy.holder_customer_id if subject == "holder" else Policy.insured_customer_id


# --- policies ------------------------------------------------------------------------------------
async def get_policy(session: AsyncSession, policy_no: str, *, for_update: bool = False) -> Policy | None:
    stmt = select(Policy).where(Policy.policy_no == policy_no)
    if for_update and _is_pg(session):
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def holder_has_earlier_policy(
    session: AsyncSession, holder_id: str, policy_no: str, underwritten_at: dt.datetime, created_at: dt.datetime
) -> bool:
    """Another policy of the holder underwritten or stored at or before this one (issue 14 item 6)."""
    stmt = (
        select(Policy.policy_no)
        .where(
            Policy.holder_customer_id == holder_id,
            Policy.policy_no != policy_no,
            or_(Policy.underwritten_at <= underwritten_at, Policy.created_at <= created_at),
        )
        .limit(1)
    )
    return (await session.execute(stmt)).first() is not None


async def existing_policy_nos(session: AsyncSession, policy_nos: Sequence[str]) -> set[str]:
    if not policy_nos:
        return set()
    stmt = select(Policy.policy_no).where(_one_of(session, Policy.policy_no, policy_nos))
    return set((await session.execute(stmt)).scalars())


async def earliest_underwriting(session: AsyncSession, holder_ids: Sequence[str]) -> dict[str, dt.datetime]:
    """The earliest ``underwritten_at`` of each holder's stored policies (``first_policy_of_holder``)."""
    if not holder_ids:
        return {}
    stmt = (
        select(Policy.holder_customer_id, func.min(Policy.underwritten_at))
        .where(_one_of(session, Policy.holder_customer_id, holder_ids))
        .group_by(Policy.holder_customer_id)
    )
    return {holder: at for holder, at in (await session.execute(stmt)).all() if at is not None}


async def subject_policies(session: AsyncSession, subject: str, customer_ids: Sequence[str]) -> dict[str, list[Policy]]:
    """The policies of each customer as the program's subject (holder or insured), top-ups loaded."""
    if not customer_ids:
        return {}
    col = subject_column(subject)
    rows = (
        await session.execute(select(Policy).where(col.in_(list(customer_ids))).order_by(Policy.policy_no))
    ).scalars()
    out: dict[str, list[Policy]] = defaultdict(list)
    for row in rows:
        key = row.holder_customer_id if subject == "holder" else row.insured_customer_id
        if key is not None:
            out[key].append(row)
    return out


async def subject_facts(
    session: AsyncSession, subject: str, customer_ids: Sequence[str]
) -> dict[str, list[PolicyFacts]]:
    """Rule inputs for each customer's policies: two set-based queries (policies, top-ups), no ORM objects.

    This is the hot path of runs and full re-ratings (one chunk of customers per call).
    """
    if not customer_ids:
        return {}
    col = subject_column(subject)
    p = Policy.__table__
    rows = (
        await session.execute(
            select(
                p.c.policy_no,
                p.c.holder_customer_id,
                p.c.insured_customer_id,
                p.c.product_kind,
                p.c.channel,
                p.c.payment_mode,
                p.c.annual_premium,
                p.c.payment_years,
                p.c.status,
                p.c.effective_date,
                p.c.cooling_off_end,
                p.c.loan_or_pledge,
                p.c.holder_mobile,
                p.c.insured_mobile,
                p.c.underwritten_at,
                p.c.top_up_total,
                p.c.holder_birth_date,
                p.c.insured_birth_date,
                p.c.reinstated_on,
            )
            .where(_one_of(session, col, customer_ids))
            .order_by(p.c.policy_no)
        )
    ).all()
    with_top_ups = [r.policy_no for r in rows if r.top_up_total]
    top_ups: dict[str, list[TopUpFact]] = defaultdict(list)
    if with_top_ups:
        t = PolicyTopUp.__table__
        for tu in (
            await session.execute(
                select(t.c.policy_no, t.c.kind, t.c.amount, t.c.date)
                .where(_one_of(session, t.c.policy_no, with_top_ups))
                .order_by(t.c.id)
            )
        ).all():
            top_ups[tu.policy_no].append(top_up_fact(tu))
    out: dict[str, list[PolicyFacts]] = defaultdict(list)
    for r in rows:
        key = r.holder_customer_id if subject == "holder" else r.insured_customer_id
        out[key].append(policy_facts(r, top_ups.get(r.policy_no, ())))
    return out


async def known_subject_ids(session: AsyncSession, subject: str, customer_ids: Sequence[str]) -> list[str]:
    """Those of ``customer_ids`` that are a subject of a policy or have a tier state, sorted."""
    if not customer_ids:
        return []
    col = subject_column(subject)
    with_policy = set((await session.execute(select(col).where(_one_of(session, col, customer_ids)))).scalars())
    key = TierStateRow.customer_id
    with_state = set((await session.execute(select(key).where(_one_of(session, key, customer_ids)))).scalars())
    return sorted(with_policy | with_state)


async def subject_ids_page(session: AsyncSession, subject: str, after: str, limit: int) -> list[str]:
    """The next ``limit`` customer ids (> after) that are a subject of a policy or have a tier state.

    Keyset scans of the indexes in order (no GROUP BY over the whole table, so every page costs the
    same however large the portfolio is).
    """
    col = subject_column(subject)
    ids: list[str] = []
    cursor = after
    while len(ids) < limit:
        window = limit * 4
        rows = list(
            (
                await session.execute(select(col).where(col.is_not(None), col > cursor).order_by(col).limit(window))
            ).scalars()
        )
        for customer_id in rows:
            if customer_id is not None and (not ids or ids[-1] != customer_id):
                ids.append(customer_id)
        if len(rows) < window:
            break
        cursor = rows[-1]
    from_states = (
        await session.execute(
            select(TierStateRow.customer_id)
            .where(TierStateRow.customer_id > after)
            .order_by(TierStateRow.customer_id)
            .limit(limit)
        )
    ).scalars()
    merged = sorted({*ids, *from_states})
    return merged[:limit]


# --- tier states ---------------------------------------------------------------------------------
async def get_state(session: AsyncSession, customer_id: str) -> TierStateRow | None:
    return await session.get(TierStateRow, customer_id)


async def lock_states(session: AsyncSession, customer_ids: Sequence[str], program: str) -> dict[str, TierStateRow]:
    """Get (creating when missing) and lock the tier state rows: one writer per customer at a time."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    key = TierStateRow.customer_id
    existing = set((await session.execute(select(key).where(_one_of(session, key, ids)))).scalars())
    now = clock.now()
    missing = [
        {
            "customer_id": customer_id,
            "program": program,
            "tier": "none",
            "status": "invalid",
            "score": Decimal("0.00"),
            "sequence": 0,
            "updated_at": now,
        }
        for customer_id in ids
        if customer_id not in existing
    ]
    if missing:  # one multi-row INSERT ... ON CONFLICT DO NOTHING (a concurrent writer may win)
        insert = pg_insert if _is_pg(session) else sqlite_insert
        await session.execute(insert(TierStateRow.__table__).values(missing).on_conflict_do_nothing())  # type: ignore[arg-type]
    stmt = select(TierStateRow).where(_one_of(session, key, ids)).order_by(key)
    if _is_pg(session):
        stmt = stmt.with_for_update()
    stmt = stmt.execution_options(populate_existing=True)
    return {row.customer_id: row for row in (await session.execute(stmt)).scalars()}


async def tiers_page(session: AsyncSession, after: str, limit: int) -> list[TierStateRow]:
    stmt = select(TierStateRow).where(TierStateRow.customer_id > after).order_by(TierStateRow.customer_id).limit(limit)
    return list((await session.execute(stmt)).scalars())


# --- history -------------------------------------------------------------------------------------
def add_history(session: AsyncSession, row: TierHistory) -> None:
    session.add(row)


async def list_history(session: AsyncSession, customer_id: str, *, limit: int, after: int | None) -> list[TierHistory]:
    stmt = select(TierHistory).where(TierHistory.customer_id == customer_id, TierHistory.id > (after or 0))
    return list((await session.execute(stmt.order_by(TierHistory.id).limit(limit))).scalars())  # keyset on the id


# --- runs ----------------------------------------------------------------------------------------
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
    p = Policy.__table__.alias("p")
    t = PolicyTopUp.__table__.alias("t")
    subj = p.c.holder_customer_id if program.subject == "holder" else p.c.insured_customer_id
    not_later = or_(s.c.evaluated_on.is_(None), s.c.evaluated_on <= as_of)
    lo = case((s.c.evaluated_on < basis, s.c.evaluated_on), else_=literal(basis, type_=s.c.evaluated_on.type))

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
    from_states = select(s.c.customer_id.label("customer_id")).where(not_later, or_(*state_due))
    rows = (await session.execute(union(from_policies, from_top_ups, from_states))).scalars()
    return sorted(rows)


async def count_states_not_after(session: AsyncSession, as_of: dt.date) -> int:
    stmt = (
        select(func.count())
        .select_from(TierStateRow)
        .where(or_(TierStateRow.evaluated_on.is_(None), TierStateRow.evaluated_on <= as_of))
    )
    return int((await session.execute(stmt)).scalar_one())
