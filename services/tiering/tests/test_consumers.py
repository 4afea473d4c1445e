"""``core.policy-events.v1`` consumer: same intake as the PUT endpoint, idempotent, stale-safe, DLQ on bad input."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from contracts.events import CorePolicyEventV1, Topic
from services.tiering.consumers import consumer_specs
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.tests.conftest import OPS, make_app, new_customer, new_policy_no, outbox, policy_body
from vipkit.clock import SHANGHAI
from vipkit.consumer import ConsumerRunner
from vipkit.events import build_event
from vipkit.kafka import ensure_topics, start_producer
from vipkit.testing import DatabaseFactory, TopicWatcher, app_client, wait_for

TOPIC = Topic.core_policy_events.value
NOW = dt.datetime(2026, 5, 10, 10, tzinfo=SHANGHAI)


def core_event(policy_no: str, body: dict[str, Any], event_id: str | None = None) -> bytes:
    from vipkit import clock

    with clock.frozen(NOW):
        data = CorePolicyEventV1.model_validate({"policy_no": policy_no, "policy": body})
        envelope = build_event(TOPIC, data, source="core-system", event_id=event_id or str(uuid.uuid4()))
    return json.dumps(envelope).encode()


async def test_core_feed_event_is_stored_rerated_and_republished_idempotently(
    db_url: str, kafka_bootstrap: str
) -> None:
    app = make_app(db_url, kafka_bootstrap=kafka_bootstrap)
    async with app_client(app) as client:
        runner = ConsumerRunner(
            consumer_specs(app.state.tiering.program)[0], app.state.db, app.state.common_settings, service="tiering"
        )
        customer, policy_no = new_customer(), new_policy_no()
        body = policy_body(
            customer,
            annual_premium="40000.00",
            payment_years=10,
            version=3,
            effective_date="2026-04-01",
            cooling_off_end=None,
        )
        raw = core_event(policy_no, body)
        assert (await runner.process(TOPIC, raw)).status == "processed"
        tier = (await client.get(f"/api/v1/customers/{customer}/tier", headers=OPS)).json()
        assert (tier["tier"], tier["status"], tier["since"]) == ("star_3", "confirmed", "2026-05-10")  # event's testnow
        events = await outbox(app, key=customer)
        assert [e["topic"] for e in events] == ["policy.changed.v1", "tier.changed.v1", "notification.requested.v1"]

        assert (await runner.process(TOPIC, raw)).status == "duplicate"  # same event id: inbox
        assert (await runner.process(TOPIC, core_event(policy_no, body))).status == "processed"  # same version again
        stale = {**body, "version": 2, "annual_premium": "1.00"}
        assert (await runner.process(TOPIC, core_event(policy_no, stale))).status == "processed"
        assert await outbox(app, key=customer) == events  # replay and stale version publish nothing
        stored = (await client.get(f"/api/v1/policies/{policy_no}", headers=OPS)).json()
        assert (stored["annual_premium"], stored["version"]) == ("40000.00", 3)


async def test_invalid_core_event_goes_to_the_dlq_naming_the_field(sqlite_url: str, kafka_bootstrap: str) -> None:
    app = make_app(sqlite_url, kafka_bootstrap=kafka_bootstrap, kafka_consumer_retries=1)
    await ensure_topics(kafka_bootstrap, [TOPIC], 3)  # creates the .dlq too
    async with app_client(app), TopicWatcher(kafka_bootstrap, TOPIC + ".dlq") as watcher:
        runner = ConsumerRunner(
            consumer_specs(app.state.tiering.program)[0], app.state.db, app.state.common_settings, service="tiering"
        )
        customer = new_customer()
        bad = policy_body(customer, holder={**policy_body(customer)["holder"], "id_no": "110101199001011234"})
        result = await runner.process(TOPIC, core_event(new_policy_no(), bad))
        assert result.status == "dead" and "holder.id_no" in (result.error or "")
        await runner.stop()
        [dead] = await wait_for(
            lambda: [m for m in watcher.on(TOPIC + ".dlq") if customer in json.dumps(m["value"], ensure_ascii=False)],
            timeout=15,
            what="dead letter",
        )
        assert "holder.id_no" in dead["headers"]["error"]
        assert await outbox(app, key=customer) == []


async def test_core_feed_through_a_real_consumer_group(db_factory: DatabaseFactory, kafka_bootstrap: str) -> None:
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    app = make_app(url, kafka_enabled=True, kafka_bootstrap=kafka_bootstrap)
    customer, policy_no = new_customer(), new_policy_no()
    async with app_client(app) as client, TopicWatcher(kafka_bootstrap, "policy.changed.v1") as watcher:
        runner = app.state.runtime.consumers[0]
        await runner.wait_assigned(timeout=30)
        producer = await start_producer(app.state.common_settings, client_id="test-core-system")
        try:
            body = policy_body(
                customer, annual_premium="10000.00", payment_years=10, effective_date="2026-04-01", cooling_off_end=None
            )
            await producer.send_and_wait(TOPIC, core_event(policy_no, body), key=customer.encode())
        finally:
            await producer.stop()
        [published] = await watcher.wait("policy.changed.v1", 1, timeout=20, policy_no=policy_no)
        assert published["key"] == customer and published["value"]["data"]["first_policy_of_holder"] is True
        tier = (await client.get(f"/api/v1/customers/{customer}/tier", headers=OPS)).json()
        assert tier["tier"] == "star_2"
