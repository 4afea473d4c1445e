"""Revisit: all SQL lives here.

Rows that a use case changes are loaded ``FOR UPDATE`` (PostgreSQL row locks; SQLite serializes
writers with ``BEGIN IMMEDIATE``), so a double submit or two overlapping runs have one effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit.models import (
    IdentityAttempt,
    PhoneAttempt,
    PhoneQueueItem,
    RevisitLink,
    RevisitSession,
    RevisitTask,
    SubmissionAttempt,
)
from vipkit.db import insert_ignore
from vipkit.pagination import after_key


def _locked(stmt: Select[Any]) -> Select[Any]:
    return stmt.with_for_update().execution_options(populate_existing=True)


# --- tasks -----------------------------------------------------------------------------------------
async def insert_task(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert a task unless one exists for the policy (``policy_no`` unique); True when inserted."""
    return await insert_ignore(session, RevisitTask.__table__, values)  # type: ignore[arg-type]


async def get_task(session: AsyncSession, task_id: str, *, for_update: bool = False) -> RevisitTask | None:
    stmt = select(RevisitTask).where(RevisitTask.id == task_id)
    result = await session.execute(_locked(stmt) if for_update else stmt)
    return result.scalar_one_or_none()


async def get_task_by_policy(session: AsyncSession, policy_no: str, *, for_update: bool = False) -> RevisitTask | None:
    stmt = select(RevisitTask).where(RevisitTask.policy_no == policy_no)
    result = await session.execute(_locked(stmt) if for_update else stmt)
    return result.scalar_one_or_none()


async def list_tasks(
    session: AsyncSession,
    *,
    status: str | None = None,
    policy_no: str | None = None,
    customer_id: str | None = None,
    limit: int = 100,
    after: Sequence[Any] | None = None,
) -> list[RevisitTask]:
    """Newest first, keyset-paged on (created_at, id) descending; ``limit + 1`` rows to see a next page."""
    stmt = select(RevisitTask)
    if status:
        stmt = stmt.where(RevisitTask.status == status)
    if policy_no:
        stmt = stmt.where(RevisitTask.policy_no == policy_no)
    if customer_id:
        stmt = stmt.where(RevisitTask.customer_id == customer_id)
    order = (RevisitTask.created_at, RevisitTask.id)
    stmt = stmt.where(after_key(order, after, descending=True))
    rows = await session.execute(stmt.order_by(*(c.desc() for c in order)).limit(limit + 1))
    return list(rows.scalars())


async def tasks_due_escalation(session: AsyncSession, as_of: dt.datetime) -> Sequence[RevisitTask]:
    stmt = (
        select(RevisitTask)
        .where(RevisitTask.status.in_(("pending", "sms_sent")), RevisitTask.escalation_due_at <= as_of)
        .order_by(RevisitTask.id)
    )
    return list((await session.execute(_locked(stmt))).scalars())


async def customer_tasks_open_electronically(
    session: AsyncSession, customer_id: str, now: dt.datetime
) -> Sequence[RevisitTask]:
    stmt = (
        select(RevisitTask)
        .where(
            RevisitTask.customer_id == customer_id,
            RevisitTask.electronic_open.is_(True),
            RevisitTask.status.in_(("pending", "sms_sent", "phone_queue")),
            RevisitTask.wechat_from <= now,
        )
        .order_by(RevisitTask.underwritten_at, RevisitTask.id)
    )
    return list((await session.execute(stmt)).scalars())


# --- links -----------------------------------------------------------------------------------------
async def add_link(session: AsyncSession, link: RevisitLink) -> None:
    session.add(link)
    await session.flush()


async def get_link_by_hash(session: AsyncSession, token_hash: str) -> RevisitLink | None:
    result = await session.execute(select(RevisitLink).where(RevisitLink.token_hash == token_hash))
    return result.scalar_one_or_none()


async def links_of_task(session: AsyncSession, task_id: str) -> list[RevisitLink]:
    rows = await session.execute(
        select(RevisitLink).where(RevisitLink.task_id == task_id).order_by(RevisitLink.issued_at)
    )
    return list(rows.scalars())


# --- sessions --------------------------------------------------------------------------------------
async def get_session_row(session: AsyncSession, session_id: str, *, for_update: bool = False) -> RevisitSession | None:
    stmt = select(RevisitSession).where(RevisitSession.id == session_id)
    result = await session.execute(_locked(stmt) if for_update else stmt)
    return result.scalar_one_or_none()


async def answering_session_of_task(session: AsyncSession, task_id: str) -> RevisitSession | None:
    result = await session.execute(
        select(RevisitSession)
        .where(RevisitSession.task_id == task_id, RevisitSession.status == "answering")
        .order_by(RevisitSession.created_at.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def sessions_of_task(session: AsyncSession, task_id: str) -> list[RevisitSession]:
    rows = await session.execute(
        select(RevisitSession).where(RevisitSession.task_id == task_id).order_by(RevisitSession.created_at)
    )
    return list(rows.scalars())


async def add_session(session: AsyncSession, row: RevisitSession) -> None:
    session.add(row)
    await session.flush()


async def add_identity_attempt(session: AsyncSession, row: IdentityAttempt) -> None:
    session.add(row)
    await session.flush()


async def add_submission_attempt(session: AsyncSession, row: SubmissionAttempt) -> None:
    session.add(row)
    await session.flush()


async def submission_attempts_of_task(session: AsyncSession, task_id: str) -> list[SubmissionAttempt]:
    rows = await session.execute(
        select(SubmissionAttempt).where(SubmissionAttempt.task_id == task_id).order_by(SubmissionAttempt.id)
    )
    return list(rows.scalars())


async def identity_attempts_of_task(session: AsyncSession, task_id: str) -> list[IdentityAttempt]:
    rows = await session.execute(
        select(IdentityAttempt).where(IdentityAttempt.task_id == task_id).order_by(IdentityAttempt.id)
    )
    return list(rows.scalars())


# --- phone queue -----------------------------------------------------------------------------------
async def open_phone_item(session: AsyncSession, task_id: str) -> PhoneQueueItem | None:
    stmt = select(PhoneQueueItem).where(PhoneQueueItem.open_task_id == task_id)
    return (await session.execute(_locked(stmt))).scalar_one_or_none()


async def insert_phone_item(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert an open item unless the task already has one (``open_task_id`` unique)."""
    return await insert_ignore(session, PhoneQueueItem.__table__, values)  # type: ignore[arg-type]


async def get_phone_item(session: AsyncSession, item_id: str, *, for_update: bool = False) -> PhoneQueueItem | None:
    stmt = select(PhoneQueueItem).where(PhoneQueueItem.id == item_id)
    result = await session.execute(_locked(stmt) if for_update else stmt)
    return result.scalar_one_or_none()


async def list_phone_items(
    session: AsyncSession, *, status: str | None, customer_id: str | None, limit: int, after: Sequence[Any] | None
) -> list[PhoneQueueItem]:
    """First callable first, keyset-paged on (callable_from, created_at, id); ``limit + 1`` rows."""
    stmt = select(PhoneQueueItem)
    if status:
        stmt = stmt.where(PhoneQueueItem.status == status)
    if customer_id:
        stmt = stmt.where(PhoneQueueItem.customer_id == customer_id)
    order = (PhoneQueueItem.callable_from, PhoneQueueItem.created_at, PhoneQueueItem.id)
    rows = await session.execute(stmt.where(after_key(order, after)).order_by(*order).limit(limit + 1))
    return list(rows.scalars())


async def phone_items_of_task(session: AsyncSession, task_id: str) -> list[PhoneQueueItem]:
    rows = await session.execute(
        select(PhoneQueueItem).where(PhoneQueueItem.task_id == task_id).order_by(PhoneQueueItem.created_at)
    )
    return list(rows.scalars())


async def add_phone_attempt(session: AsyncSession, row: PhoneAttempt) -> None:
    session.add(row)
    await session.flush()
