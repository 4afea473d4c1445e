"""Tiering: all SQL lives here (repositories only add and flush; the caller owns the transaction)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    String,
    any_,
    bindparam,
    func,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.tiering.mapping import policy_facts, top_up_fact
from services.tiering.models import Policy, PolicyTopUp, TierHistory, TierStateRow
from services.tiering.rules import PolicyFacts, TopUpFact
from vipkit import clock
from vipkit.db import is_postgres


def _one_of(
    session: AsyncSession, column: ColumnElement[str] | InstrumentedAttribute[str], values: Sequence[str]
) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``column = ANY($1::varchar[])``: one array parameter.

    An expanded ``IN ($1, ..., $2000)`` of bound parameters is not hashed by PostgreSQL; when the
    planner picks a sequential scan (small or bloated ``tier_states``) every row is compared with
    every parameter, so each chunk costs O(table size) (the slowdown with portfolio size). The array
    form is planned as an index lookup per value.
    """
    if is_postgres(session):
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(list(values))


def subject_column(subject: str):  # type: ignore[no-untyped-def]
    return Policy.holder_customer_id if subject == "holder" else Policy.insured_customer_id


# --- policies ------------------------------------------------------------------------------------
async def get_policy(session: AsyncSession, policy_no: str, *, for_update: bool = False) -> Policy | None:
    stmt = select(Policy).where(Policy.policy_no == policy_no)
    if for_update and is_postgres(session):
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
        insert = pg_insert if is_postgres(session) else sqlite_insert
        await session.execute(insert(TierStateRow.__table__).values(missing).on_conflict_do_nothing())  # type: ignore[arg-type]
    stmt = select(TierStateRow).where(_one_of(session, key, ids)).order_by(key)
    if is_postgres(session):
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
