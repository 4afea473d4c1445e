"""Entitlements Kafka consumers: ``tier.changed.v1`` -> grants (SPEC 3.1).

The runner records the event id in the inbox in the same transaction as the effect (a redelivered
event changes nothing); the stored ``sequence`` orders one customer's states (an older event never
overwrites a newer state). The event's ``to_tier`` is the effective tier: provisional ratings are
not effective tiers and so grant nothing. An event for another program or an unknown tier raises
and ends in ``tier.changed.v1.dlq``; reconciliation repairs the customer from tiering's API.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, TierChangedV1, Topic
from services.entitlements.catalog import Catalog
from services.entitlements.service import TierState, apply_tier_state
from vipkit.consumer import ConsumerSpec, Handler


def tier_changed_handler(catalog: Catalog) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent, topic: str) -> None:
        data = TierChangedV1.model_validate(event.data)
        await apply_tier_state(
            session,
            catalog,
            TierState(
                customer_id=data.customer_id,
                program=data.program,
                tier=data.to_tier,
                status=data.status,
                sequence=data.sequence,
                effective_at=data.effective_at,
                score=data.score,
            ),
            source=f"event:{event.id}",
        )

    return handle


def consumer_specs(catalog: Catalog) -> list[ConsumerSpec]:
    return [ConsumerSpec("tier-changed", [Topic.tier_changed.value], tier_changed_handler(catalog))]
