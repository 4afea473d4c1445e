"""``tier.changed.v1`` in batches (``vipkit.consumer_batch``): many events per transaction, the same
grants as one event per transaction, per-customer order kept, a bad event handled on its own."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from typing import Any

from aiokafka import ConsumerRecord, TopicPartition
from sqlalchemy import event, func, select, text

from services.entitlements.consumers import consumer_specs
from services.entitlements.main import MIGRATIONS_DIR
from services.entitlements.tests.conftest import common_for, new_customer, tier_event
from services.entitlements.tests.test_consumers import STARS, TOPIC, grants, runner
from vipkit.consumer import ConsumerRunner
from vipkit.consumer_batch import process_messages
from vipkit.db import Database, inbox_table
from vipkit.kafka import ensure_topics, start_producer
from vipkit.testing import DatabaseFactory, TopicWatcher, wait_for


def record(offset: int, raw: bytes, key: str) -> ConsumerRecord[Any, Any]:
    """A message as aiokafka hands it to the runner (partition 0 of the topic, in offset order)."""
    return ConsumerRecord(
        topic=TOPIC,
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=key.encode(),
        value=raw,
        checksum=None,
        serialized_key_size=len(key),
        serialized_value_size=len(raw),
        headers=(),
    )


def stream(customers: list[str]) -> list[tuple[bytes, str]]:
    """Per customer: 1 → 3 → 2 (late) → 3 again (redelivered); customers interleaved."""
    out = []
    for n, c in enumerate(customers):
        third = str(uuid.uuid4())
        out += [
            (tier_event(c, "star_1", 1, when="2026-05-01T10:00"), c),
            (tier_event(c, ["star_3", "star_4", "star_5"][n % 3], 3, when="2026-05-03T10:00", event_id=third), c),
            (tier_event(c, "star_2", 2, when="2026-05-02T10:00"), c),
            (tier_event(c, ["star_3", "star_4", "star_5"][n % 3], 3, when="2026-05-03T10:00", event_id=third), c),
        ]
    return [out[i] for i in sorted(range(len(out)), key=lambda i: (i % 4, i))]  # interleave, keep each order


async def inbox_count(db: Database) -> int:
    async with db.sessionmaker() as session:
        return int((await session.execute(select(func.count()).select_from(inbox_table))).scalar_one())


async def test_batches_give_the_grants_of_one_event_per_transaction(db_kind: str, db_factory: DatabaseFactory):
    customers = [new_customer() for _ in range(6)]
    messages = [record(i, raw, key) for i, (raw, key) in enumerate(stream(customers))]
    batched, single = (
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
    )
    try:
        r = runner(batched, kafka_batch_size=7)
        commits: list[int] = []
        event.listen(batched.engine.sync_engine, "commit", lambda _conn: commits.append(1))
        await process_messages(r, messages[:3])  # one event already in the inbox before its batch
        await process_messages(r, messages)
        s = runner(single, kafka_batch_size=1)
        for m in messages:
            await s.process(m.topic, m.value, m)
        for c in customers:
            assert await grants(batched, c) == await grants(single, c)
        assert (await grants(batched, customers[2]))["_tier"] == ("star_5", 3)
        assert await inbox_count(batched) == await inbox_count(single) == 3 * len(customers)
        assert (r.processed, r.duplicates) == (3 * len(customers), len(customers) + 3)
        assert len(commits) == 1 + -(-len(messages) // 7)  # one transaction per batch, not per event
    finally:
        await batched.dispose()
        await single.dispose()


async def test_a_bad_event_rolls_its_batch_back_and_only_it_is_dead_lettered(db: Database, kafka_bootstrap: str):
    good, bad = new_customer(), new_customer()
    raws = [
        (tier_event(good, "star_2", 1), good),
        (tier_event(bad, "star_9", 1), bad),  # unknown tier of the active program: dead letter
        (tier_event(good, "star_4", 2), good),
    ]
    r = runner(db, kafka_batch_size=10, kafka_bootstrap=kafka_bootstrap, kafka_consumer_retries=1)
    await ensure_topics(kafka_bootstrap, [TOPIC], 3)
    try:
        async with TopicWatcher(kafka_bootstrap, f"{TOPIC}.dlq") as watcher:
            await process_messages(r, [record(i, raw, key) for i, (raw, key) in enumerate(raws)])
            (dead,) = await watcher.wait(f"{TOPIC}.dlq", customer_id=bad)
            assert "star_9" in dead["headers"]["error"]
    finally:
        await r.stop()
    assert (await grants(db, good))["_tier"] == ("star_4", 2)
    assert await grants(db, bad) == {"_tier": None}
    assert (r.processed, r.dead) == (2, 1)


async def test_partitions_are_applied_side_by_side_each_in_order_with_every_offset_committed(
    db: Database, kafka_bootstrap: str
):
    """Each partition has its own worker (``vipkit.consumer_partitions``): on PostgreSQL their
    transactions overlap (SQLite: one at a time), each customer's events (one key, one partition)
    keep their order, and every partition's offset is committed after its effects."""
    topic = f"{TOPIC}.fetch-{uuid.uuid4().hex[:6]}"
    await ensure_topics(kafka_bootstrap, [topic], 3)
    customers = [new_customer() for _ in range(60)]
    producer = await start_producer(common_for("stars", kafka_bootstrap=kafka_bootstrap), client_id="test-fetch")
    try:
        for n, c in enumerate(customers):  # twenty customers per partition, each: star_1 → star_4 → star_2
            for tier, seq in (("star_1", 1), ("star_4", 2), ("star_2", 3)):
                await producer.send(topic, tier_event(c, tier, seq), key=c.encode(), partition=n % 3)
        await producer.flush()
    finally:
        await producer.stop()
    (spec,) = consumer_specs(STARS)
    spec = dataclasses.replace(spec, topics=[topic], group_id=f"test-fetch-{uuid.uuid4().hex[:6]}")
    settings = common_for("stars", kafka_bootstrap=kafka_bootstrap, kafka_batch_size=3)
    r = ConsumerRunner(spec, db, settings, service="entitlements")
    task = asyncio.create_task(r.run())
    try:
        await wait_for(lambda: r.processed == 180, timeout=60, what="180 events applied")
        assert r.consumer is not None and r.workers is not None

        async def all_committed() -> bool:
            assert r.consumer is not None
            return {p: await r.consumer.committed(TopicPartition(topic, p)) for p in range(3)} == {0: 60, 1: 60, 2: 60}

        await wait_for(all_committed, timeout=10, what="every offset committed")
        most_in_flight = r.workers.most_in_flight
    finally:
        await r.stop()
        task.cancel()
    assert most_in_flight >= 2 if db.is_postgres else most_in_flight == 1
    for c in customers:
        assert (await grants(db, c))["_tier"] == ("star_2", 3)
    assert await inbox_count(db) == 180


async def test_a_batch_is_planned_for_the_tables_as_they_are_now(db: Database):
    """PostgreSQL: a batch's statements get custom plans (``plan_cache_mode``, this transaction
    only). The generic plan cached on a pooled connection when the tables were small kept scanning
    them whole as they grew (entitlements' grants read: 10 ms → 2 s per batch in a burst)."""
    if not db.is_postgres:
        return
    seen: list[str] = []
    (spec,) = consumer_specs(STARS)
    assert spec.batch_handler is not None
    apply = spec.batch_handler

    async def recording(session: Any, items: Any) -> None:
        seen.append(str(await session.scalar(text("SELECT current_setting('plan_cache_mode')"))))
        await apply(session, items)

    r = ConsumerRunner(
        dataclasses.replace(spec, batch_handler=recording), db, common_for("stars"), service="entitlements"
    )
    customers = [new_customer() for _ in range(3)]
    await process_messages(r, [record(i, tier_event(c, "star_2", 1), c) for i, c in enumerate(customers)])
    assert seen == ["force_custom_plan"]
    assert [(await grants(db, c))["_tier"] for c in customers] == [("star_2", 1)] * 3
    async with db.transaction() as session:  # the setting ended with the batch's transaction
        assert await session.scalar(text("SELECT current_setting('plan_cache_mode')")) == "auto"
