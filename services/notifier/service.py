"""Notifier use cases. Errors are declared at the top.

A ``notification.requested.v1`` event is stored as a ``queued`` notification in the consumer's
transaction (insert-on-conflict on its event id, besides the inbox). Delivery happens out of band:
the worker claims due notifications, calls the channel adapter outside any transaction, then
records the attempt and the new status (``sent``, ``queued`` with a backoff, or ``failed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, NotificationRequestedV1, Topic
from services.notifier import repository, rules
from services.notifier.adapters import DeliveryResult, OutgoingMessage
from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.settings import NotifierSettings
from vipkit import clock
from vipkit.db import Database
from vipkit.events import event_data
from vipkit.problems import IllegalTransition, NotFound


class NotificationNotFound(NotFound):
    """No notification with that id."""


class NotificationNotRetryable(IllegalTransition):
    """Only a failed notification can be queued again."""


# --- storing requests -----------------------------------------------------------------------------
def _queued_row(event: CloudEvent) -> dict[str, Any]:
    data = event_data(event, Topic.notification_requested.value)
    assert isinstance(data, NotificationRequestedV1)
    return {
        "event_id": event.id,
        "customer_id": data.customer_id,
        "channel": data.channel.value,
        "template": data.template,
        "text": data.text,
        "mobile": data.mobile,
        "reference": data.reference,
        "source_service": data.source_service,
        "status": "queued",
        "attempt_count": 0,
        "next_attempt_at": None,
        "created_at": clock.now(),
    }


async def store_requested(session: AsyncSession, event: CloudEvent) -> bool:
    """Keep the requested notification as ``queued``; False when that event id was already stored."""
    return await repository.insert_notification(session, _queued_row(event))


async def store_requested_many(session: AsyncSession, events: Sequence[CloudEvent]) -> set[str]:
    """``store_requested`` for a consumer batch in one statement; returns the event ids already stored."""
    stored = await repository.insert_notifications(session, [_queued_row(event) for event in events])
    return {event.id for event in events} - stored


# --- reading ----------------------------------------------------------------------------------------
async def list_notifications(
    session: AsyncSession,
    *,
    customer_id: str | None = None,
    channel: str | None = None,
    template: str | None = None,
    status: str | None = None,
    reference: str | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> Sequence[Notification]:
    return await repository.search(
        session,
        customer_id=customer_id,
        channel=channel,
        template=template,
        status=status,
        reference=reference,
        before_id=before_id,
        limit=limit,
    )


async def get_notification(session: AsyncSession, notification_id: int) -> Notification:
    notification = await repository.get(session, notification_id)
    if notification is None:
        raise NotificationNotFound(f"notification {notification_id} not found")
    return notification


async def requeue(session: AsyncSession, notification_id: int) -> Notification:
    """Ops: queue a ``failed`` notification again (e.g. after a provider outage) for one more attempt.

    Attempts stay numbered across requeues; a failure of the extra attempt fails it again at once.
    """
    notification = await repository.lock_for_update(session, notification_id)
    if notification is None:
        raise NotificationNotFound(f"notification {notification_id} not found")
    if notification.status == "queued":
        return await get_notification(session, notification_id)
    if notification.status != "failed":
        raise NotificationNotRetryable(f"notification {notification_id} is {notification.status}, not failed")
    notification.status = "queued"
    notification.next_attempt_at = None
    await session.flush()
    return await get_notification(session, notification_id)


# --- delivery (the worker) --------------------------------------------------------------------------
async def claim_due(db: Database, settings: NotifierSettings) -> list[OutgoingMessage]:
    """Claim a batch of due notifications for one worker (leased; a dead worker's claim expires)."""
    now = clock.now()
    async with db.sessionmaker() as session, session.begin():
        ids = await repository.claim_due(
            session, now=now, lease_until=now + dt.timedelta(seconds=settings.lease_seconds), limit=settings.batch_size
        )
        rows = await repository.load_many(session, ids)
        return [
            OutgoingMessage(
                notification_id=n.id,
                event_id=n.event_id,
                channel=n.channel,
                customer_id=n.customer_id,
                mobile=n.mobile,
                template=n.template,
                text=n.text,
                reference=n.reference,
            )
            for n in rows
        ]


async def record_result(
    db: Database, settings: NotifierSettings, message: OutgoingMessage, result: DeliveryResult
) -> str:
    """Record one attempt and move the notification on; returns its new status."""
    now = clock.now()
    async with db.sessionmaker() as session, session.begin():
        notification = await repository.lock_for_update(session, message.notification_id)
        assert notification is not None, "notifications are never deleted"
        notification.attempt_count += 1
        repository.add_attempt(
            session,
            DeliveryAttempt(
                notification_id=notification.id,
                attempt_no=notification.attempt_count,
                attempted_at=now,
                adapter=result.adapter,
                outcome="sent" if result.ok else "failed",
                error=result.error,
                provider_message_id=result.provider_message_id,
                payload=result.payload,
            ),
        )
        if notification.status != "queued":
            return notification.status  # finished meanwhile (an expired lease); the attempt is still kept
        if result.ok:
            notification.status = "sent"
            notification.sent_at = now
            notification.next_attempt_at = None
            notification.last_error = None
        else:
            first_attempt = await repository.first_attempt_at(session, notification.id) or now
            decision = rules.after_failure(
                notification.attempt_count,
                max_attempts=settings.max_attempts,
                base_seconds=settings.retry_base_seconds,
                max_seconds=settings.retry_max_seconds,
                permanent=result.permanent,
                trying_for_seconds=(now - first_attempt).total_seconds(),
                retry_for_seconds=settings.retry_for_hours * 3600,
            )
            notification.status = decision.status
            notification.last_error = result.error
            notification.next_attempt_at = (
                now + dt.timedelta(seconds=decision.delay_seconds) if decision.delay_seconds is not None else None
            )
        return notification.status
