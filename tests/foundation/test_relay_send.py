"""Issue 17: the relay publishes a round's rows as record batches (``vipkit.relay_send``): every row
once, each key's rows in order, on the partition ``producer.send`` picks (murmur2 of the key), rows
too large for a batch among them, in CloudEvents structured mode."""

from __future__ import annotations

import uuid

from aiokafka.partitioner import DefaultPartitioner

from contracts.events import NotificationRequestedV1, Topic
from tests.foundation.probe import app as probe
from vipkit.db import Database
from vipkit.events import add_event
from vipkit.relay import OutboxRelay
from vipkit.testing import TopicWatcher, wait_for


async def test_a_round_goes_out_in_record_batches_in_each_keys_order_on_its_partition(
    db_kind, db_factory, common_settings, kafka_bootstrap
):
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    customers = [f"C{uuid.uuid4().hex[:10]}" for _ in range(12)]
    async with db.sessionmaker() as s, s.begin():
        for i in range(400):
            customer = customers[i % 12]
            text = f"{i:03d}" + ("长" * 4000 if i % 97 == 5 else "")  # a few rows of 12 KB: sent on their own
            data = NotificationRequestedV1(customer_id=customer, template="probe", text=text, source_service="probe")
            await add_event(s, Topic.notification_requested, data, key=customer, source="probe")
    relay = OutboxRelay(db, common_settings.model_copy(update={"relay_batch": 500}), name="probe")
    mine = set(customers)
    try:
        async with TopicWatcher(kafka_bootstrap, Topic.notification_requested) as watcher:
            assert await relay.publish_pending() == 400  # one round
            await wait_for(lambda: len([m for m in watcher.messages if m["key"] in mine]) >= 400, timeout=30)
            messages = [m for m in watcher.messages if m["key"] in mine]
    finally:
        await relay.stop()
        await db.dispose()
    assert len({m["value"]["id"] for m in messages}) == len(messages) == 400, "a row was published twice"
    partitioner = DefaultPartitioner()
    for n, customer in enumerate(customers):
        own = [m for m in messages if m["key"] == customer]
        assert [m["value"]["data"]["text"][:3] for m in own] == [f"{i:03d}" for i in range(n, 400, 12)]
        assert {m["partition"] for m in own} == {partitioner(customer.encode(), [0, 1, 2], [0, 1, 2])}
    assert {m["headers"]["content-type"] for m in messages} == {"application/cloudevents+json; charset=utf-8"}
    assert sum(len(m["value"]["data"]["text"]) > 4000 for m in messages) == 5


async def test_rounds_grow_while_they_come_back_full_and_shrink_when_the_backlog_is_gone(
    db_kind, db_factory, common_settings, kafka_bootstrap
):
    """A backlog is published in rounds of ``relay_batch`` doubling up to ``relay_batch_max`` (fewer
    rounds' fixed costs per row); the round after the backlog is ``relay_batch`` again; order kept."""
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    customers = [f"C{uuid.uuid4().hex[:10]}" for _ in range(4)]
    async with db.sessionmaker() as s, s.begin():
        for i in range(60):
            data = NotificationRequestedV1(
                customer_id=customers[i % 4], template="probe", text=f"{i:03d}", source_service="probe"
            )
            await add_event(s, Topic.notification_requested, data, key=customers[i % 4], source="probe")
    settings = common_settings.model_copy(update={"relay_batch": 5, "relay_batch_max": 20})
    relay = OutboxRelay(db, settings, name="probe")
    mine = set(customers)
    try:
        async with TopicWatcher(kafka_bootstrap, Topic.notification_requested) as watcher:
            rounds = [await relay.publish_pending() for _ in range(6)]
            assert rounds == [5, 10, 20, 20, 5, 0]
            assert relay.batch == 5
            await wait_for(lambda: len([m for m in watcher.messages if m["key"] in mine]) >= 60, timeout=30)
            messages = [m for m in watcher.messages if m["key"] in mine]
    finally:
        await relay.stop()
        await db.dispose()
    for n, customer in enumerate(customers):
        texts = [m["value"]["data"]["text"] for m in messages if m["key"] == customer]
        assert texts == [f"{i:03d}" for i in range(n, 60, 4)]
