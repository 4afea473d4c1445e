"""Notifier use cases. Errors are declared at the top.

A ``notification.requested.v1`` event is stored as a ``queued`` notification in the consumer's
transaction (insert-on-conflict on its event id, besides the inbox), together with its delivery job
(``vipkit.durable``: lease, backoff with jitter, 24 h retry window, ``dead`` for ops). The job
(``jobs.py``) calls the channel adapter outside any transaction, then records the attempt and the
new status (``sent``, still ``queued`` for a retry, or ``failed``).
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
from vipkit import clock, durable, durable_ops
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
        "created_at": clock.now(),
    }


DELIVER_JOB = "notification.deliver"


def job_key(notification_id: int) -> str:
    """The dedupe key of a notification's delivery job (one job per notification)."""
    return f"notification:{notification_id}"


async def store_requested(session: AsyncSession, event: CloudEvent) -> bool:
    """Keep the requested notification as ``queued`` with its delivery job; False when that event id
    was already stored."""
    return not await store_requested_many(session, [event])


async def store_requested_many(session: AsyncSession, events: Sequence[CloudEvent]) -> set[str]:
    """``store_requested`` for a consumer batch: one insert for the notifications, one for their
    delivery jobs; returns the event ids already stored."""
    stored = await repository.insert_notifications(session, [_queued_row(event) for event in events])
    jobs = [({"notification_id": id_}, job_key(id_)) for id_ in stored.values()]
    await durable.enqueue_many(session, DELIVER_JOB, jobs)
    return {event.id for event in events} - set(stored)


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
    await session.flush()
    key = job_key(notification_id)
    if not await durable_ops.retry_job_by_key(session, key):  # its job was purged
        await durable.enqueue(session, DELIVER_JOB, {"notification_id": notification_id}, dedupe_key=key)
    return await get_notification(session, notification_id)


async def next_attempts(session: AsyncSession, notifications: Sequence[Notification]) -> dict[int, dt.datetime]:
    """When each queued notification's delivery is tried next (its job's schedule)."""
    keys = {job_key(n.id): n.id for n in notifications if n.status == "queued"}
    return await repository.delivery_schedule(session, keys)


# --- delivery (the job) ------------------------------------------------------------------------------
async def load_messages(db: Database, notification_ids: Sequence[int]) -> dict[int, OutgoingMessage]:
    """What to send, by id; sent ones are left out. (A ``failed`` one runs again only when ops
    retried its job.)"""
    async with db.sessionmaker() as session:
        rows = await repository.load_many(session, notification_ids)
    return {
        n.id: OutgoingMessage(
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
        if n.status != "sent"
    }


async def record_results(
    db: Database, settings: NotifierSettings, results: Sequence[tuple[OutgoingMessage, DeliveryResult]]
) -> dict[int, str]:
    """Record a round's attempts and move the notifications on, in one transaction; returns each
    one's new status (``queued``: its job retries it; ``failed``: permanent error or the attempts'
    safety cap)."""
    now = clock.now()
    async with db.sessionmaker() as session, session.begin():
        locked = {n.id: n for n in await repository.lock_many(session, [m.notification_id for m, _ in results])}
        statuses = {}
        for message, result in results:
            notification = locked[message.notification_id]
            statuses[notification.id] = _record(session, settings, notification, result, now)
        return statuses


def _record(
    session: AsyncSession, settings: NotifierSettings, notification: Notification, result: DeliveryResult, now: Any
) -> str:
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
    if notification.status == "sent":
        return notification.status  # sent meanwhile (an expired lease); the attempt is still kept
    if result.ok:
        notification.status = "sent"
        notification.sent_at = now
        notification.last_error = None
    else:
        decision = rules.after_failure(
            notification.attempt_count,
            max_attempts=settings.max_attempts,
            base_seconds=settings.retry_base_seconds,
            max_seconds=settings.retry_max_seconds,
            permanent=result.permanent,
        )
        notification.status = decision.status
        notification.last_error = result.error
    return notification.status


async def give_up(session: AsyncSession, notification_id: int, error: str) -> None:
    """The delivery job went dead (its 24 h window passed): the notification is ``failed``."""
    notification = await repository.lock_for_update(session, notification_id)
    if notification is not None and notification.status == "queued":
        notification.status = "failed"
        notification.last_error = notification.last_error or error
