"""Notifier HTTP routers: the ops view of every notification and its delivery attempts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from services.notifier import mapping, service
from services.notifier.models import Notification
from services.notifier.schemas import NotificationList, NotificationRead
from vipkit.auth import StaffIdentity
from vipkit.db import DbSession
from vipkit.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, page

router = APIRouter(prefix="/api/v1", tags=["notifier"])


@router.get(
    "/notifications",
    response_model=NotificationList,
    summary="Notifications with their delivery status and attempts (ops)",
)
async def list_notifications(
    session: DbSession,
    _staff: StaffIdentity,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    channel: Literal["sms", "wechat"] | None = None,
    template: Annotated[str | None, Query(max_length=64)] = None,
    status: Literal["queued", "sent", "failed"] | None = None,
    reference: Annotated[str | None, Query(max_length=128)] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> NotificationList:
    after = decode_cursor("notifications", cursor, 1, types=(int,))
    rows = await service.list_notifications(
        session,
        customer_id=customer_id,
        channel=channel,
        template=template,
        status=status,
        reference=reference,
        before_id=after[0] if after else None,
        limit=limit + 1,
    )
    page_rows, next_cursor = page("notifications", rows, limit, lambda n: (n.id,))
    schedule = await service.next_attempts(session, page_rows)
    items = [mapping.notification_read(n, schedule.get(n.id)) for n in page_rows]
    return NotificationList(items=items, next_cursor=next_cursor)


@router.get("/notifications/{notification_id}", response_model=NotificationRead, summary="One notification (ops)")
async def get_notification(notification_id: int, session: DbSession, _staff: StaffIdentity) -> NotificationRead:
    return await _read(session, await service.get_notification(session, notification_id))


@router.post(
    "/notifications/{notification_id}/retry",
    response_model=NotificationRead,
    summary="Queue a failed notification again (ops), e.g. after a provider outage",
)
async def retry_notification(notification_id: int, session: DbSession, _staff: StaffIdentity) -> NotificationRead:
    return await _read(session, await service.requeue(session, notification_id))


async def _read(session: AsyncSession, notification: Notification) -> NotificationRead:
    schedule = await service.next_attempts(session, [notification])
    return mapping.notification_read(notification, schedule.get(notification.id))
