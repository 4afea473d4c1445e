"""Revisit Kafka consumers: ``policy.changed.v1`` -> one revisit task per qualifying new policy;
``calendar.changed.v1`` -> booking's working-day calendar for the phone queue's office hours.

Redelivery is absorbed by the inbox (same event id) and by ``policy_no`` being unique (a later
update of the same policy, or the same change republished with a new id, creates nothing).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CalendarChangedV1, CloudEvent, PolicyChangedV1, Topic
from services.revisit.calendar_repository import save_calendar
from services.revisit.service import handle_policy_changed
from services.revisit.settings import RevisitSettings
from vipkit.consumer import ConsumerSpec, Handler


def policy_changed_handler(settings: RevisitSettings) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent, topic: str) -> None:
        data = PolicyChangedV1.model_validate(event.data)
        await handle_policy_changed(session, data)

    return handle


async def handle_calendar_changed(session: AsyncSession, event: CloudEvent, topic: str) -> None:
    """Booking's ops-maintained working-day calendar: the phone queue's office hours follow it."""
    await save_calendar(session, CalendarChangedV1.model_validate(event.data))


def consumer_specs(settings: RevisitSettings) -> list[ConsumerSpec]:
    return [
        ConsumerSpec("policies", [Topic.policy_changed.value], policy_changed_handler(settings)),
        ConsumerSpec("calendar", [Topic.calendar_changed.value], handle_calendar_changed),
    ]
