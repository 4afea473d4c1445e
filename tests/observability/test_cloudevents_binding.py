"""SPEC 6 + the CloudEvents Kafka protocol binding: what the relay puts on a real broker is a
structured-mode CloudEvent the official ``cloudevents`` SDK reads (both its 2.x core binding and
the 1.x-compatible API), whose ``data`` validates against the JSON Schemas in ``contracts/``, and
which our own consumers still read."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
from cloudevents.core.bindings import kafka as ce_kafka
from cloudevents.v1 import kafka as ce_kafka_v1
from pydantic import BaseModel

from contracts.events import BookingChangedV1, NotificationRequestedV1, TierChangedV1, Topic
from tests.foundation.probe import app as probe
from vipkit.consumer import ConsumerRunner, ConsumerSpec
from vipkit.db import Database
from vipkit.events import add_event
from vipkit.kafka import ensure_topics
from vipkit.relay import OutboxRelay
from vipkit.testing import TopicWatcher, wait_for

SCHEMAS = Path(__file__).resolve().parents[2] / "contracts" / "schemas"


def sample_events(customer: str) -> list[tuple[str, BaseModel]]:
    return [
        (
            Topic.tier_changed,
            TierChangedV1(
                customer_id=customer,
                program="levels",
                from_tier="none",
                to_tier="gold",
                status="confirmed",
                reason="upgrade",
                score=Decimal("120000.00"),
                effective_at=dt.datetime(2026, 9, 16, tzinfo=dt.UTC),
                sequence=1,
            ),
        ),
        (
            Topic.booking_changed,
            BookingChangedV1(
                booking_id=f"B{customer}",
                customer_id=customer,
                service_code="dental_cleaning",
                clinic_id="CL-BJ-001",
                date=dt.date(2026, 10, 8),
                from_status=None,
                to_status="pending",
            ),
        ),
        (
            Topic.notification_requested,
            NotificationRequestedV1(
                customer_id=customer, mobile="13800138000", template="probe", text="您好", source_service="probe"
            ),
        ),
    ]


async def read_raw(bootstrap: str, topics: list[str], event_ids: set[str], timeout: float = 60) -> list[Any]:
    """Every raw record on ``topics`` (from the beginning) whose CloudEvent id is one of ``event_ids``."""

    def found() -> list[Any]:
        return [m["record"] for m in watcher.messages if isinstance(m["value"], dict) and m["value"]["id"] in event_ids]

    async with TopicWatcher(bootstrap, *topics) as watcher:
        await wait_for(lambda: len(found()) >= len(event_ids), timeout=timeout, what="the events on the broker")
        return found()


async def test_relay_messages_are_structured_cloudevents_the_sdk_reads(db_factory, common_settings, kafka_bootstrap):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    db = Database(url)
    customer = f"CE{uuid.uuid4().hex[:8]}"
    topics = [str(t) for t, _ in sample_events(customer)]
    await ensure_topics(kafka_bootstrap, topics, 3)
    event_ids: dict[str, str] = {}
    async with db.transaction() as session:
        for topic, data in sample_events(customer):
            event_ids[await add_event(session, topic, data, key=customer, source="probe")] = topic
    relay = OutboxRelay(db, common_settings, name="probe-ce")
    try:
        assert await relay.publish_pending() == 3
    finally:
        await relay.stop()

    records = await read_raw(kafka_bootstrap, topics, set(event_ids))
    runner = ConsumerRunner(
        ConsumerSpec("ce-probe", [Topic.notification_requested], probe.record_effect),
        db,
        common_settings,
        service="probe",
    )
    try:
        for record in records:
            headers = {name: value for name, value in record.headers}
            assert not [h for h in headers if h.lower().startswith("ce_")], headers  # binary-mode marker
            assert headers["content-type"].startswith(b"application/cloudevents+json")
            message = ce_kafka.KafkaMessage(headers=headers, key=record.key, value=record.value)

            event = ce_kafka.from_kafka_event(message)  # auto-detects the mode: must pick structured
            attributes = event.get_attributes()
            assert attributes["specversion"] == "1.0" and attributes["source"] == "probe"
            assert attributes["id"] in event_ids and attributes["partitionkey"] == customer
            assert event.get_data() == json.loads(record.value)["data"]

            legacy = ce_kafka_v1.from_structured(ce_kafka_v1.KafkaMessage(headers, record.key, record.value))
            assert legacy["id"] == attributes["id"] and legacy["type"] == attributes["type"]
            assert legacy.get_data() == event.get_data()

            topic = event_ids[attributes["id"]]
            schema = json.loads((SCHEMAS / f"{topic}.json").read_text(encoding="utf-8"))
            jsonschema.validate(json.loads(record.value), schema)  # the envelope, data included
            jsonschema.validate({**json.loads(record.value), "data": event.get_data()}, schema)

            if topic == Topic.notification_requested:  # our own consumer reads the same message
                result = await runner.process(record.topic, record.value, record)
                assert result.status == "processed"
    finally:
        await runner.stop()
        await db.dispose()


def test_a_schema_violation_is_detected() -> None:
    """The validation above can fail: a message whose data breaks the contract is refused."""
    schema = json.loads((SCHEMAS / "tier.changed.v1.json").read_text(encoding="utf-8"))
    bad = {
        "specversion": "1.0",
        "id": "x",
        "source": "probe",
        "type": "com.insurer.vip.tier.changed.v1",
        "time": "2026-01-01T00:00:00+08:00",
        "data": {"customer_id": "C1", "sequence": 0},
    }
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an invalid tier.changed.v1 message passed the schema")
