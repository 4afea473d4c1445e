"""Notifier Kafka consumers: ``notification.requested.v1`` from every service."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, Topic
from services.notifier import service
from vipkit.consumer import ConsumerSpec

log = logging.getLogger("notifier.consumers")


async def handle_notification_requested(session: AsyncSession, event: CloudEvent, topic: str) -> None:
    """Store the notification (queued) with its delivery job in the consumer's transaction."""
    if not await service.store_requested(session, event):
        log.info("duplicate notification request ignored", extra={"event_id": event.id})


async def handle_notification_requests(session: AsyncSession, events: list[tuple[CloudEvent, str]]) -> None:
    """A consumer batch stored with one statement (issue 17: the 10:00 revisit batch's SMS)."""
    for event_id in await service.store_requested_many(session, [event for event, _topic in events]):
        log.info("duplicate notification request ignored", extra={"event_id": event_id})


def consumer_specs() -> list[ConsumerSpec]:
    return [
        ConsumerSpec(
            name="notification-requests",
            topics=[Topic.notification_requested.value],
            handler=handle_notification_requested,
            batch_handler=handle_notification_requests,
        )
    ]
