"""Entitlements: all SQL lives here (services only call these functions and flush)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select, true, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements.models import CustomerTier, Grant, LedgerEntry, Relative, Reservation
from vipkit import clock
from vipkit.db import insert_ignore


def _for_update(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


# --- customer tier snapshot -----------------------------------------------------------------------
async def get_tier(session: AsyncSession, customer_id: str, *, lock: bool = False) -> CustomerTier | None:
    stmt = select(CustomerTier).where(CustomerTier.customer_id == customer_id)
    if lock and _for_update(session):
        stmt = stmt.with_for_update()
    return (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one_or_none()


async def insert_tier(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert a customer's first tier state; False when another writer inserted it first."""
    return await insert_ignore(session, CustomerTier.__table__, values)  # type: ignore[arg-type]


async def update_tier_if_newer(session: AsyncSession, customer_id: str, values: dict[str, Any]) -> bool:
    """Conditional update: an older (or equal) sequence never overwrites a newer state."""
    result = await session.execute(
        update(CustomerTier)
        .where(CustomerTier.customer_id == customer_id, CustomerTier.sequence < values["sequence"])
        .values(**values)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


# --- grants ---------------------------------------------------------------------------------------
async def grants_containing(session: AsyncSession, customer_id: str, day: dt.date) -> dict[str, Grant]:
    """Per service, the newest grant whose period contains ``day``."""
    rows = (
        (
            await session.execute(
                select(Grant)
                .where(Grant.customer_id == customer_id, Grant.period_start <= day, Grant.period_end >= day)
                .order_by(Grant.id)
                .execution_options(populate_existing=True)
            )
        )
        .scalars()
        .all()
    )
    return {g.service_code: g for g in rows}


async def get_grant(session: AsyncSession, grant_id: int) -> Grant:
    stmt = select(Grant).where(Grant.id == grant_id).execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one()


async def find_grant(
    session: AsyncSession, customer_id: str, service_code: str, start: dt.date, end: dt.date
) -> Grant | None:
    stmt = (
        select(Grant)
        .where(
            Grant.customer_id == customer_id,
            Grant.service_code == service_code,
            Grant.period_start == start,
            Grant.period_end == end,
        )
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def insert_grant_ignore(session: AsyncSession, values: dict[str, Any]) -> bool:
    return await insert_ignore(session, Grant.__table__, values)  # type: ignore[arg-type]


async def set_grant_quota(session: AsyncSession, grant_id: int, quota: int | None, tier: str) -> None:
    await session.execute(
        update(Grant).where(Grant.id == grant_id).values(quota=quota, tier=tier, updated_at=clock.now())
    )


async def reserve_unit(session: AsyncSession, grant_id: int) -> Grant | None:
    """Atomic conditional update: take one unit only while ``quota - used - reserved > 0``; the grant
    after it (``UPDATE ... RETURNING``, no read back), None when no unit was left.

    On PostgreSQL concurrent updates of the row queue on its lock and re-check the condition, so
    ``remaining`` never goes below zero (no read-then-write).
    """
    result = await session.execute(
        update(Grant)
        .where(
            Grant.id == grant_id,
            or_(Grant.quota.is_(None), Grant.quota - Grant.used - Grant.reserved > 0),
        )
        .values(reserved=Grant.reserved + 1, updated_at=clock.now())
        .returning(Grant)
        .execution_options(populate_existing=True)
    )
    return result.scalars().one_or_none()


async def settle_unit(session: AsyncSession, grant_id: int, *, consume: bool) -> None:
    """A reserved unit becomes used (consume) or free again (release)."""
    values: dict[str, Any] = {"reserved": Grant.reserved - 1, "updated_at": clock.now()}
    if consume:
        values["used"] = Grant.used + 1
    await session.execute(update(Grant).where(Grant.id == grant_id, Grant.reserved > 0).values(**values))


async def use_days(
    session: AsyncSession, customer_id: str, service_code: str, start: dt.date, end: dt.date
) -> list[dt.date]:
    """Local dates of reserved/consumed units of a service in other grants overlapping [start, end]."""
    rows = (
        await session.execute(
            select(Reservation.created_at)
            .join(Grant, Grant.id == Reservation.grant_id)
            .where(
                Reservation.customer_id == customer_id,
                Reservation.service_code == service_code,
                Reservation.status.in_(("reserved", "consumed")),
                Grant.period_start <= end,
                Grant.period_end >= start,
                or_(Grant.period_start != start, Grant.period_end != end),
            )
        )
    ).all()
    return [row[0].astimezone(clock.SHANGHAI).date() for row in rows]


# --- reservations ---------------------------------------------------------------------------------
async def insert_reservation_ignore(session: AsyncSession, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on the idempotency key."""
    return await insert_ignore(session, Reservation.__table__, values)  # type: ignore[arg-type]


async def reservation_by_key(session: AsyncSession, key: str) -> Reservation | None:
    stmt = select(Reservation).where(Reservation.idempotency_key == key).execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


async def get_reservation(session: AsyncSession, reservation_id: str) -> Reservation | None:
    stmt = select(Reservation).where(Reservation.id == reservation_id).execution_options(populate_existing=True)
    return (await session.execute(stmt)).scalar_one_or_none()


async def reservations_by_reference(session: AsyncSession, reference: str) -> Sequence[Reservation]:
    stmt = select(Reservation).where(Reservation.reference == reference).order_by(Reservation.created_at)
    return (await session.execute(stmt)).scalars().all()


async def stale_reserved(
    session: AsyncSession, older_than: dt.datetime, limit: int = 200, after: tuple[dt.datetime, str] | None = None
) -> Sequence[Reservation]:
    """A page of the reservations still ``reserved`` that were made before ``older_than`` (orphan
    candidates), oldest first; ``after``: the (created_at, id) of the previous page's last one."""
    stmt = select(Reservation).where(Reservation.status == "reserved", Reservation.created_at < older_than)
    if after is not None:
        stmt = stmt.where(tuple_(Reservation.created_at, Reservation.id) > after)
    stmt = stmt.order_by(Reservation.created_at, Reservation.id).limit(limit)
    return (await session.execute(stmt)).scalars().all()


async def mark_reserved_seen(session: AsyncSession, now: dt.datetime) -> None:
    """Stamp every reserved unit the orphan pass sees for the first time with ``now`` (wall clock)."""
    await session.execute(
        update(Reservation)
        .where(Reservation.status == "reserved", Reservation.watch_seen_at.is_(None))
        .values(watch_seen_at=now)
    )


async def reserved_seen_before(session: AsyncSession, seen_before: dt.datetime) -> list[tuple[str, str | None]]:
    """(id, reference) of the units still reserved that the orphan pass first saw before ``seen_before``."""
    stmt = select(Reservation.id, Reservation.reference).where(
        Reservation.status == "reserved", Reservation.watch_seen_at <= seen_before
    )
    return [(row.id, row.reference) for row in (await session.execute(stmt)).all()]


async def transition_reservation(session: AsyncSession, reservation_id: str, *, to_status: str, reason: str) -> bool:
    """One step of ``rules.RESERVATION_TRANSITIONS`` (reserved -> consumed | released), once (conditional update)."""
    result = await session.execute(
        update(Reservation)
        .where(Reservation.id == reservation_id, Reservation.status == "reserved")
        .values(status=to_status, reason=reason, updated_at=clock.now())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


# --- ledger ---------------------------------------------------------------------------------------
async def add_ledger(session: AsyncSession, grant: Grant, **values: Any) -> None:
    session.add(
        LedgerEntry(
            customer_id=grant.customer_id,
            service_code=grant.service_code,
            grant_id=grant.id,
            quota=grant.quota,
            used=grant.used,
            reserved=grant.reserved,
            created_at=clock.now(),
            **values,
        )
    )
    await session.flush()


async def ledger_rows(
    session: AsyncSession, customer_id: str, service_code: str, *, limit: int | None = None, after: int | None = None
) -> list[tuple[LedgerEntry, Grant]]:
    """Oldest first; keyset-paged on the entry id (``after``: the last id of the previous page)."""
    stmt = (
        select(LedgerEntry, Grant)
        .join(Grant, Grant.id == LedgerEntry.grant_id)
        .where(LedgerEntry.customer_id == customer_id, LedgerEntry.service_code == service_code)
        .where(LedgerEntry.id > after if after is not None else true())
        .order_by(LedgerEntry.id)
        .limit(limit)
    )
    return [(row[0], row[1]) for row in (await session.execute(stmt)).all()]


# --- relatives ------------------------------------------------------------------------------------
async def get_relative(session: AsyncSession, customer_id: str, relative_id: str) -> Relative | None:
    stmt = (
        select(Relative)
        .where(and_(Relative.customer_id == customer_id, Relative.relative_id == relative_id))
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def list_relatives(session: AsyncSession, customer_id: str) -> Sequence[Relative]:
    stmt = select(Relative).where(Relative.customer_id == customer_id).order_by(Relative.designated_at)
    return (await session.execute(stmt)).scalars().all()


async def count_relatives(session: AsyncSession, customer_id: str) -> int:
    stmt = select(func.count()).select_from(Relative).where(Relative.customer_id == customer_id)
    return int((await session.execute(stmt)).scalar_one())


async def insert_relative_ignore(session: AsyncSession, values: dict[str, Any]) -> bool:
    return await insert_ignore(session, Relative.__table__, values)  # type: ignore[arg-type]


async def update_relative(session: AsyncSession, customer_id: str, relative_id: str, values: dict[str, Any]) -> None:
    await session.execute(
        update(Relative)
        .where(Relative.customer_id == customer_id, Relative.relative_id == relative_id)
        .values(**values)
    )
