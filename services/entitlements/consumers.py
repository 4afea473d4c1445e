"""Entitlements Kafka consumers: ``tier.changed.v1`` -> grants (SPEC 3.1).

The runner records the event id in the inbox in the same transaction as the effect (a redelivered
event changes nothing); the stored ``sequence`` orders one customer's states (an older event never
overwrites a newer state). The event's ``to_tier`` is the effective tier: provisional ratings are
not effective tiers and so grant nothing. An event of another program than the active one is not
for this deployment: it is logged and skipped. An unknown tier of the active program raises and ends
in ``tier.changed.v1.dlq``; reconciliation then repairs the customer from tiering's API.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent, TierChangedV1, Topic
from services.entitlements.catalog import Catalog
from services.entitlements.service import TierState, apply_tier_state
from services.entitlements.tier_batch import apply_tier_states
from vipkit.consumer import BatchHandler, ConsumerSpec, Handler

log = logging.getLogger("entitlements.consumers")


def _state(catalog: Catalog, event: CloudEvent) -> TierState | None:
    """The event's tier state; None (logged) for an event of another program."""
    data = TierChangedV1.model_validate(event.data)
    if data.program != catalog.program:
        log.warning(
            "tier event of another program skipped",
            extra={"event_id": event.id, "program": data.program, "active_program": catalog.program},
        )
        return None
    return TierState(
        customer_id=data.customer_id,
        program=data.program,
        tier=data.to_tier,
        status=data.status,
        sequence=data.sequence,
        effective_at=data.effective_at,
        score=data.score,
        birth_date=data.birth_date,
        waiting_from=data.waiting_from,
    )


def tier_changed_handler(catalog: Catalog) -> Handler:
    async def handle(session: AsyncSession, event: CloudEvent, topic: str) -> None:
        state = _state(catalog, event)
        if state is not None:
            await apply_tier_state(session, catalog, state, source=f"event:{event.id}")

    return handle


def tier_changed_batch_handler(catalog: Catalog) -> BatchHandler:
    """A consumer batch at once (``tier_batch``): the same effects as ``handle`` event by event."""

    async def handle_batch(session: AsyncSession, events: list[tuple[CloudEvent, str]]) -> None:
        items = [(state, f"event:{event.id}") for event, _topic in events if (state := _state(catalog, event))]
        await apply_tier_states(session, catalog, items)

    return handle_batch


def consumer_specs(catalog: Catalog) -> list[ConsumerSpec]:
    return [
        ConsumerSpec(
            "tier-changed",
            [Topic.tier_changed.value],
            tier_changed_handler(catalog),
            batch_handler=tier_changed_batch_handler(catalog),
        )
    ]
