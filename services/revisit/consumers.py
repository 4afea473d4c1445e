"""Revisit Kafka consumers: ``policy.changed.v1`` -> one revisit task per qualifying new policy.

Redelivery is absorbed by the inbox (same event id) and by ``policy_no`` being unique (a later
update of the same policy, or the same change republished with a new id, creates nothing).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, PolicyChangedV1, Topic
from services.revisit.service import handle_policy_changed
from services.revisit.settings import RevisitSettings
from vipkit.consumer import ConsumerSpec, Handler


def policy_changed_handler(settings: RevisitSettings) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent, topic: str) -> None:
        data = PolicyChangedV1.model_validate(event.data)
        await handle_policy_changed(session, data)

    return handle


def consumer_specs(settings: RevisitSettings) -> list[ConsumerSpec]:
    return [ConsumerSpec("policies", [Topic.policy_changed.value], policy_changed_handler(settings))]
