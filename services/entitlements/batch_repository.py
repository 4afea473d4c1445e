"""Entitlements: the SQL of applying a batch of tier states set-wise (issue 17).

Like ``repository.py``, nothing here commits: the caller owns the transaction. One statement per
batch for each read and write, whose text does not change with the batch size on PostgreSQL
(``vipkit.db_bulk``: ``= ANY(array)`` for ``IN`` lists, ``INSERT ... SELECT FROM unnest(arrays)
ON CONFLICT DO NOTHING RETURNING``; updates executed with a list of rows), so it is prepared once
per connection; rows come back as plain rows, not ORM objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Table, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements.models import CustomerTier, Grant, Reservation
from vipkit.db_bulk import any_of, insert_ignore_many

TIERS: Table = CustomerTier.__table__  # type: ignore[assignment]
GRANTS: Table = Grant.__table__  # type: ignore[assignment]
TIER_COLUMNS = ("program", "tier", "status", "sequence", "score", "effective_at", "source", "updated_at")


async def tiers_for_update(session: AsyncSession, customer_ids: Sequence[str]) -> dict[str, Row[Any]]:
    """The stored tier states of these customers, locked (PostgreSQL) like ``repository.get_tier``."""
    stmt = select(TIERS).where(any_of(session, TIERS.c.customer_id, customer_ids))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return {row.customer_id: row for row in await session.execute(stmt)}


async def insert_tiers(session: AsyncSession, rows: list[dict[str, Any]]) -> set[str]:
    """First tier states; returns the customers inserted (another writer may have been first)."""
    return {row.customer_id for row in await insert_ignore_many(session, TIERS, rows, ["customer_id"])}


async def update_tiers(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Newer tier states of locked rows (an older sequence still never overwrites a newer one); a
    ``birth_date`` of None keeps the stored one."""
    if not rows:
        return
    t = TIERS
    stmt = (
        update(t)
        .where(t.c.customer_id == bindparam("b_customer_id"), t.c.sequence < bindparam("b_sequence"))
        .values(
            {c: bindparam(f"b_{c}") for c in (*TIER_COLUMNS, "entitled_since")}
            | {"birth_date": func.coalesce(bindparam("b_birth_date", type_=t.c.birth_date.type), t.c.birth_date)}
        )
    )
    params = [{f"b_{k}": v for k, v in row.items()} for row in rows]
    await (await session.connection()).execute(stmt, params)


async def grants_containing(
    session: AsyncSession, customer_ids: Sequence[str], day: dt.date
) -> dict[str, dict[str, Row[Any]]]:
    """Per customer and service, the newest grant whose period contains ``day``."""
    stmt = (
        select(GRANTS)
        .where(
            any_of(session, GRANTS.c.customer_id, customer_ids),
            GRANTS.c.period_start <= day,
            GRANTS.c.period_end >= day,
        )
        .order_by(GRANTS.c.id)
    )
    out: dict[str, dict[str, Row[Any]]] = {}
    for row in await session.execute(stmt):
        out.setdefault(row.customer_id, {})[row.service_code] = row
    return out


async def used_units(session: AsyncSession, customer_ids: Sequence[str]) -> list[Any]:
    """Reserved/consumed units of these customers with their grant's period (``repository.use_days``
    for many customers; the caller keeps the ones of a service and period)."""
    r = Reservation
    stmt = (
        select(r.customer_id, r.service_code, r.created_at, Grant.period_start, Grant.period_end)
        .join(Grant, Grant.id == r.grant_id)
        .where(any_of(session, r.customer_id, customer_ids), r.status.in_(("reserved", "consumed")))
    )
    return list((await session.execute(stmt)).all())


async def insert_grants(session: AsyncSession, rows: list[dict[str, Any]]) -> list[Row[Any]]:
    """New grants (insert-on-conflict, as ``repository.insert_grant_ignore``); returns those inserted."""
    return await insert_ignore_many(session, GRANTS, rows, [c.name for c in GRANTS.c])


async def set_quotas(session: AsyncSession, rows: list[dict[str, Any]], now: dt.datetime) -> dict[int, Row[Any]]:
    """``{"id", "quota", "tier"}`` per grant in one executemany; returns the grants as they are now."""
    if not rows:
        return {}
    g = GRANTS
    stmt = (
        update(g)
        .where(g.c.id == bindparam("b_id"))
        .values(quota=bindparam("b_quota"), tier=bindparam("b_tier"), updated_at=now)
    )
    conn = await session.connection()
    await conn.execute(stmt, [{f"b_{k}": v for k, v in row.items()} for row in rows])
    fresh = await session.execute(select(g).where(any_of(session, g.c.id, [row["id"] for row in rows])))
    return {row.id: row for row in fresh}
