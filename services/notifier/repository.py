"""Notifier: all SQL lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.notifier.models import DeliveryAttempt, Notification
from vipkit.db import insert_ignore
from vipkit.db_bulk import insert_ignore_many
from vipkit.plumbing import durable_jobs_table


async def insert_notification(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert-on-conflict on the event id: True when new, False for a duplicate request."""
    return await insert_ignore(session, Notification.__table__, values)  # type: ignore[arg-type]


async def insert_notifications(session: AsyncSession, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Many ``insert_notification`` in one multi-row insert; returns the new ids by event id."""
    if not rows:
        return {}
    table: Table = Notification.__table__  # type: ignore[assignment]
    inserted = await insert_ignore_many(session, table, rows, returning=("event_id", "id"))
    return {row.event_id: row.id for row in inserted}


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


async def load_many(session: AsyncSession, ids: Sequence[int]) -> Sequence[Notification]:
    if not ids:
        return []
    return (
        (await session.execute(select(Notification).where(Notification.id.in_(ids)).order_by(Notification.id)))
        .scalars()
        .all()
    )


async def lock_many(session: AsyncSession, ids: Sequence[int]) -> Sequence[Notification]:
    """The notifications locked for update, in id order (a round's attempts are recorded together)."""
    if not ids:
        return []
    stmt = (
        select(Notification)
        .where(Notification.id.in_(ids))
        .order_by(Notification.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.execute(stmt)).scalars().all()


async def lock_for_update(session: AsyncSession, notification_id: int) -> Notification | None:
    return (
        await session.execute(
            select(Notification)
            .where(Notification.id == notification_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one_or_none()


async def delivery_schedule(session: AsyncSession, job_keys: dict[str, int]) -> dict[int, dt.datetime]:
    """When the pending delivery jobs (by dedupe key) run next, by notification id."""
    if not job_keys:
        return {}
    j = durable_jobs_table
    rows = await session.execute(
        select(j.c.dedupe_key, j.c.run_after).where(j.c.dedupe_key.in_(list(job_keys)), j.c.state == "pending")
    )
    return {job_keys[key]: run_after for key, run_after in rows.all()}


def add_attempt(session: AsyncSession, attempt: DeliveryAttempt) -> None:
    session.add(attempt)
