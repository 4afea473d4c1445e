"""Asking the notifier to send a customer message: one ``notification.requested.v1`` writer for
every service (the outbox row is written in the caller's transaction, like any event)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import NotificationRequestedV1, Topic
from vipkit.events import add_event


def notification_request(
    customer_id: str, *, mobile: str | None, template: str, text: str, source: str, reference: str | None
) -> tuple[str, NotificationRequestedV1, str]:
    """The ``(topic, data, key)`` triple of one request, for ``vipkit.events.add_events`` batches."""
    data = NotificationRequestedV1(
        customer_id=customer_id,
        mobile=mobile,
        template=template,
        text=text,
        source_service=source,
        reference=reference,
    )
    return Topic.notification_requested.value, data, customer_id


async def request_notification(
    session: AsyncSession,
    customer_id: str,
    *,
    mobile: str | None,
    template: str,
    text: str,
    source: str,
    reference: str | None,
) -> str:
    """Add one notification request to the outbox (keyed by customer); returns the event id."""
    topic, data, key = notification_request(
        customer_id, mobile=mobile, template=template, text=text, source=source, reference=reference
    )
    return await add_event(session, topic, data, key=key, source=source)
