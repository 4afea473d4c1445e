"""Booking Kafka consumers: ``policy.changed.v1`` -> the customers' mobile numbers for booking SMS.

The inbox absorbs redelivery; the contact upsert is idempotent (the newest underwritten policy's
number wins, whatever the order the events arrive in).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, PolicyChangedV1, Topic
from services.booking.contacts import remember_policy_contacts
from vipkit.consumer import ConsumerSpec


async def policy_changed(session: AsyncSession, event: CloudEvent, topic: str) -> None:
    await remember_policy_contacts(session, PolicyChangedV1.model_validate(event.data))


def consumer_specs() -> list[ConsumerSpec]:
    return [ConsumerSpec("policy-contacts", [Topic.policy_changed.value], policy_changed)]
