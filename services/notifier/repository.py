"""Notifier: all SQL lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.notifier.models import DeliveryAttempt, Notification
from vipkit.db import insert_ignore


async def insert_notification(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert-on-conflict on the event id: True when new, False for a duplicate request."""
    return await insert_ignore(session, Notification.__table__, values)  # type: ignore[arg-type]


async def insert_notifications(session: AsyncSession, rows: list[dict[str, Any]]) -> set[str]:
    """Many ``insert_notification`` in one executemany; returns the event ids inserted."""
    if not rows:
        return set()
    table: Table = Notification.__table__  # type: ignore[assignment]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table).on_conflict_do_nothing().returning(table.c.event_id)
    return set((await session.execute(stmt, rows)).scalars())


async def get(session: AsyncSession, notification_id: int) -> Notification | None:
    return (
        await session.execute(
            select(Notification).where(Notification.id == notification_id).options(selectinload(Notification.attempts))
        )
    ).scalar_one_or_none()


async def get_by_event_id(session: AsyncSession, event_id: str) -> Notification | None:
    return (
        await session.execute(
            select(Notification).where(Notification.event_id == event_id).options(selectinload(Notification.attempts))
        )
    ).scalar_one_or_none()


async def search(
    session: AsyncSession,
    *,
    customer_id: str | None,
    channel: str | None,
    template: str | None,
    status: str | None,
    reference: str | None,
    before_id: int | None,
    limit: int,
) -> Sequence[Notification]:
    """Newest first, with their attempts."""
    query = select(Notification).options(selectinload(Notification.attempts))
    if customer_id is not None:
        query = query.where(Notification.customer_id == customer_id)
    if channel is not None:
        query = query.where(Notification.channel == channel)
    if template is not None:
        query = query.where(Notification.template == template)
    if status is not None:
        query = query.where(Notification.status == status)
    if reference is not None:
        query = query.where(Notification.reference == reference)
    if before_id is not None:
        query = query.where(Notification.id < before_id)
    return (await session.execute(query.order_by(Notification.id.desc()).limit(limit))).scalars().all()


def _due(now: dt.datetime) -> Any:
    return (Notification.status == "queued") & or_(
        Notification.next_attempt_at.is_(None), Notification.next_attempt_at <= now
    )


async def claim_due(session: AsyncSession, *, now: dt.datetime, lease_until: dt.datetime, limit: int) -> list[int]:
    """Claim due queued notifications by moving their next attempt to the lease end.

    A compare-and-set per row (``UPDATE ... WHERE still due``): of two replicas racing for a row,
    exactly one sees it updated; the other's re-checked WHERE no longer matches.
    """
    candidates = (
        (await session.execute(select(Notification.id).where(_due(now)).order_by(Notification.id).limit(limit)))
        .scalars()
        .all()
    )
    claimed = []
    for notification_id in candidates:
        result = await session.execute(
            update(Notification)
            .where(Notification.id == notification_id, _due(now))
            .values(next_attempt_at=lease_until)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            claimed.append(notification_id)
    return claimed


async def load_many(session: AsyncSession, ids: Sequence[int]) -> Sequence[Notification]:
    if not ids:
        return []
    return (
        (await session.execute(select(Notification).where(Notification.id.in_(ids)).order_by(Notification.id)))
        .scalars()
        .all()
    )


async def lock_for_update(session: AsyncSession, notification_id: int) -> Notification | None:
    return (
        await session.execute(
            select(Notification)
            .where(Notification.id == notification_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one_or_none()


async def first_attempt_at(session: AsyncSession, notification_id: int) -> dt.datetime | None:
    """When delivery of the notification was first tried (the start of its retry window)."""
    return await session.scalar(
        select(func.min(DeliveryAttempt.attempted_at)).where(DeliveryAttempt.notification_id == notification_id)
    )


def add_attempt(session: AsyncSession, attempt: DeliveryAttempt) -> None:
    session.add(attempt)
