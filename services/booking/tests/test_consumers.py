"""consumers.py: booking consumes ``policy.changed.v1`` into customer contacts (holder and insured
mobiles, newest underwritten policy wins), idempotently; a malformed event is dead-lettered, not
half-applied. On SQLite and PostgreSQL."""

from __future__ import annotations

import json

from sqlalchemy import text

from contracts.events import CloudEvent, Topic
from services.booking import consumers
from services.booking.tests.conftest import Env, new_customer
from services.booking.tests.test_contacts import deliver, policy_changed


async def contacts(env: Env) -> dict[str, tuple[str, str]]:
    async with env.db.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT customer_id, mobile, policy_no FROM customer_contacts"))).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_booking_consumes_policy_changes_into_contacts() -> None:
    (spec,) = consumers.consumer_specs()
    assert spec.name == "policy-contacts"
    assert spec.topics == [Topic.policy_changed.value]
    assert spec.handler is consumers.policy_changed


async def test_handler_keeps_holder_and_insured_mobiles_and_the_newest_policy_wins(env: Env) -> None:
    holder, insured = new_customer(), new_customer()
    newer = CloudEvent.model_validate_json(
        policy_changed(holder, "P2", "13911112222", "2026-05-08T15:30:00+08:00", insured=insured)
    )
    older = CloudEvent.model_validate_json(policy_changed(holder, "P1", "13600000000", "2025-01-08T15:30:00+08:00"))
    async with env.db.transaction() as session:
        await consumers.policy_changed(session, newer, Topic.policy_changed.value)
    async with env.db.transaction() as session:
        await consumers.policy_changed(session, older, Topic.policy_changed.value)  # arrives late
    found = await contacts(env)
    assert found[holder] == ("13911112222", "P2")
    assert found[insured] == ("13700137000", "P2")


async def test_redelivery_is_a_duplicate_and_a_malformed_event_is_dead_lettered(env: Env) -> None:
    customer = new_customer()
    raw = policy_changed(customer, "P1", "13911112222", "2026-05-08T15:30:00+08:00")
    assert await deliver(env, raw) == "processed"
    assert await deliver(env, raw) == "duplicate"
    broken = json.loads(raw)
    broken["id"] = "evt-broken-1"
    del broken["data"]["policy"]
    stranger = new_customer()
    broken["data"]["holder_customer_id"] = stranger
    assert await deliver(env, json.dumps(broken).encode()) == "dead"
    assert stranger not in await contacts(env)
    assert (await contacts(env))[customer] == ("13911112222", "P1")
