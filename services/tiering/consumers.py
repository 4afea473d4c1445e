"""Tiering Kafka consumers: ``core.policy-events.v1`` goes through the same intake as the PUT endpoint.

A stale version is skipped (logged); an invalid document raises, so after the runner's retries it goes
to ``core.policy-events.v1.dlq`` with the error naming the field.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, CorePolicyEventV1, Topic
from services.tiering import service
from services.tiering.programs import Program
from vipkit.consumer import ConsumerSpec, Handler

log = logging.getLogger("tiering.consumers")


def core_policy_handler(program: Program) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent, topic: str) -> None:
        data = CorePolicyEventV1.model_validate(event.data)
        outcome = await service.upsert_policy(session, program, data.policy_no, data.policy)
        if outcome.status == "stale":
            log.info("stale policy event skipped", extra={"policy_no": data.policy_no, "reason": outcome.message})

    return handle


def consumer_specs(program: Program) -> list[ConsumerSpec]:
    return [ConsumerSpec("core-policy-events", [Topic.core_policy_events.value], core_policy_handler(program))]
