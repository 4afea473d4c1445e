"""Partitions applied side by side (``vipkit.consumer_partitions``): order per partition, a bound on
open transactions, back-pressure, failures, and rebalances between two consumers of one group on the
real broker and both databases."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from aiokafka import ConsumerRecord, TopicPartition
from sqlalchemy import func, select

from contracts.events import NotificationRequestedV1, Topic
from tests.foundation.probe import app as probe
from vipkit.consumer import ConsumerRunner, ConsumerSpec
from vipkit.consumer_partitions import PartitionWorkers
from vipkit.db import Database
from vipkit.events import build_event
from vipkit.kafka import ensure_topics, start_producer
from vipkit.testing import wait_for

TOPIC = "probe.partitions.v1"


def message(tp: TopicPartition, offset: int) -> ConsumerRecord[Any, Any]:
    return ConsumerRecord(
        topic=tp.topic,
        partition=tp.partition,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=b"k",
        value=b"{}",
        checksum=None,
        serialized_key_size=1,
        serialized_value_size=2,
        headers=(),
    )


class FakeAssignment:
    """The three calls the workers make on aiokafka's consumer, recorded."""

    def __init__(self, partitions: set[TopicPartition]) -> None:
        self.partitions = partitions
        self.paused: list[TopicPartition] = []
        self.resumed: list[TopicPartition] = []

    def assignment(self) -> set[TopicPartition]:
        return self.partitions

    def pause(self, *partitions: TopicPartition) -> None:
        self.paused.extend(partitions)

    def resume(self, *partitions: TopicPartition) -> None:
        self.resumed.extend(partitions)


async def test_each_partition_in_offset_order_at_most_concurrency_at_once_offsets_after_effects():
    tps = [TopicPartition("t", p) for p in range(5)]
    consumer = FakeAssignment(set(tps))
    applied: dict[int, list[int]] = {tp.partition: [] for tp in tps}
    open_now = 0
    most_open = 0

    async def apply(chunk: Any) -> None:
        nonlocal open_now, most_open
        open_now += 1
        most_open = max(most_open, open_now)
        await asyncio.sleep(0.01)  # a transaction's round trips: other partitions run meanwhile
        for m in chunk:
            applied[m.partition].append(m.offset)
        open_now -= 1

    workers = PartitionWorkers(consumer, apply, batch_size=4, linger_seconds=0, concurrency=2, buffer_limit=100)
    workers.dispatch({tp: [message(tp, o) for o in range(10)] for tp in tps})
    workers.dispatch({tp: [message(tp, o) for o in range(10, 13)] for tp in tps})
    await wait_for(lambda: not workers.applying, timeout=10, what="all applied")
    assert applied == {tp.partition: list(range(13)) for tp in tps}
    assert most_open == 2 == workers.most_in_flight
    assert workers.take_done() == {tp: 13 for tp in tps}
    assert workers.take_done() == {}  # each finished offset handed out once


async def test_when_little_waits_one_batch_takes_every_partitions_messages():
    """One transaction for a fetch at low load (a transaction per partition cost ~3x the CPU per
    tier change at 100/s)."""
    tps = [TopicPartition("t", p) for p in range(3)]
    batches: list[list[tuple[int, int]]] = []

    async def apply(chunk: Any) -> None:
        batches.append([(m.partition, m.offset) for m in chunk])

    workers = PartitionWorkers(
        FakeAssignment(set(tps)), apply, batch_size=10, linger_seconds=0, concurrency=4, buffer_limit=100
    )
    workers.dispatch({tp: [message(tp, o) for o in range(2)] for tp in tps})
    await wait_for(lambda: not workers.applying, timeout=5, what="applied")
    assert batches == [[(p, o) for p in range(3) for o in range(2)]]
    assert workers.take_done() == {tp: 2 for tp in tps}


async def test_a_partition_with_a_full_buffer_is_paused_and_resumed_once_its_worker_took_them():
    tp = TopicPartition("t", 0)
    consumer = FakeAssignment({tp})
    gate = asyncio.Event()

    async def apply(chunk: Any) -> None:
        await gate.wait()

    workers = PartitionWorkers(consumer, apply, batch_size=10, linger_seconds=0, concurrency=1, buffer_limit=30)
    workers.dispatch({tp: [message(tp, o) for o in range(35)]})
    await asyncio.sleep(0)  # the worker took its first batch (25 wait: below the limit, so resumed)
    assert consumer.paused == [tp] and consumer.resumed == [tp]
    workers.dispatch({tp: [message(tp, o) for o in range(35, 45)]})
    assert consumer.paused == [tp, tp] and workers.waiting() == 35
    gate.set()
    await wait_for(lambda: not workers.applying, timeout=10, what="drained")
    assert workers.take_done() == {tp: 45}
    assert consumer.resumed == [tp, tp]


async def test_after_a_failed_batch_nothing_later_is_applied_and_its_offset_is_not_committed():
    tp, other = TopicPartition("t", 0), TopicPartition("t", 1)
    consumer = FakeAssignment({tp, other})
    applied: list[tuple[int, int]] = []

    async def apply(chunk: Any) -> None:
        if chunk[0].partition == 0 and chunk[0].offset == 5:
            raise ConnectionError("database went away")
        applied.extend((m.partition, m.offset) for m in chunk)

    workers = PartitionWorkers(consumer, apply, batch_size=5, linger_seconds=0, concurrency=2, buffer_limit=100)
    workers.dispatch({tp: [message(tp, o) for o in range(15)], other: [message(other, o) for o in range(5)]})
    await wait_for(lambda: workers.failure is not None and not workers.applying, timeout=10, what="failure")
    workers.dispatch({tp: [message(tp, o) for o in range(15, 20)]})  # the fetch loop raises instead
    await asyncio.sleep(0.05)
    assert isinstance(workers.failure, ConnectionError)
    assert [o for p, o in applied if p == 0] == [0, 1, 2, 3, 4]
    assert workers.take_done() == {tp: 5, other: 5}


class Gated:
    """One partition's workers whose batches wait for ``gate`` (``started`` once the first began)."""

    def __init__(self, tp: TopicPartition) -> None:
        self.started, self.gate = asyncio.Event(), asyncio.Event()
        self.applied: list[int] = []
        self.workers = PartitionWorkers(
            FakeAssignment({tp}), self.apply, batch_size=10, linger_seconds=0, concurrency=1, buffer_limit=100
        )

    async def apply(self, chunk: Any) -> None:
        self.started.set()
        await self.gate.wait()
        self.applied.extend(m.offset for m in chunk)

    async def revoking_during_first_batch(self, tp: TopicPartition, fetched: int) -> asyncio.Task[Any]:
        """``fetched`` messages dispatched; once the first batch is in flight, a revoke under way."""
        self.workers.dispatch({tp: [message(tp, o) for o in range(fetched)]})
        await asyncio.wait_for(self.started.wait(), 5)
        return asyncio.create_task(self.workers.revoke({tp}))


async def test_revoking_finishes_the_batch_in_flight_drops_the_rest_and_returns_its_offset():
    tp = TopicPartition("t", 0)
    gated = Gated(tp)
    workers, gate, applied = gated.workers, gated.gate, gated.applied
    revoking = await gated.revoking_during_first_batch(tp, 50)
    await asyncio.sleep(0.05)
    assert not revoking.done()  # waits for the batch in flight
    gate.set()
    assert await asyncio.wait_for(revoking, 5) == {tp: 10}
    assert applied == list(range(10)) and workers.waiting() == 0 and not workers.busy


async def test_what_is_fetched_while_revoking_is_dropped_until_the_next_assignment():
    """Queued behind the dropped messages, a later fetch would be applied and its offset committed
    past them: they would never be applied (found by the two-replica test: 6 of 600 lost)."""
    tp = TopicPartition("t", 0)
    gated = Gated(tp)
    workers, gate, applied = gated.workers, gated.gate, gated.applied
    revoking = await gated.revoking_during_first_batch(tp, 20)
    await asyncio.sleep(0)
    workers.dispatch({tp: [message(tp, o) for o in range(20, 30)]})  # the fetch loop runs on meanwhile
    gate.set()
    assert await asyncio.wait_for(revoking, 5) == {tp: 10}
    assert applied == list(range(10))
    workers.assigned()  # aiokafka reads the partition again from offset 10
    workers.dispatch({tp: [message(tp, o) for o in range(10, 30)]})
    await wait_for(lambda: not workers.applying, timeout=5, what="applied")
    assert applied == list(range(30)) and workers.take_done() == {tp: 30}
    await workers.close()
    workers.dispatch({tp: [message(tp, 30)]})  # after close: nothing
    assert workers.waiting() == 0 and not workers.applying


def _event(customer: str, n: int) -> bytes:
    body = NotificationRequestedV1(customer_id=customer, template="probe", text=f"n{n:03d}", source_service="probe")
    return json.dumps(build_event(Topic.notification_requested, body, source="probe", subject=customer)).encode()


async def test_two_consumers_of_one_group_apply_every_event_once_and_in_order_across_rebalances(
    db_kind, db_factory, common_settings
):
    """A second replica joins and the first leaves while 600 events of 12 customers over 4
    partitions flow in: each event has one effect, and each customer's effects are in the order
    of its events."""
    topic = f"{TOPIC}.{uuid.uuid4().hex[:6]}"
    await ensure_topics(common_settings.kafka_bootstrap, [topic], 4)
    customers = [f"C{uuid.uuid4().hex[:8]}" for _ in range(12)]
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    settings = common_settings.model_copy(update={"kafka_batch_size": 5})
    group = f"test-partitions-{uuid.uuid4().hex[:6]}"
    spec = ConsumerSpec("probe-effects", [topic], probe.record_effect, group_id=group)
    first, second = (ConsumerRunner(spec, db, settings, service="probe") for _ in range(2))
    second_assigned, first_stopped = asyncio.Event(), asyncio.Event()

    async def produce() -> None:  # fifty rounds, one event per customer each; both rebalances mid-flow
        producer = await start_producer(common_settings, client_id="test-partitions")
        try:
            for n in range(50):
                if n == 20:
                    await second_assigned.wait()
                if n == 35:
                    await first_stopped.wait()
                for customer in customers:
                    await producer.send(topic, _event(customer, n), key=customer.encode())
                await asyncio.sleep(0.05)
            await producer.flush()
        finally:
            await producer.stop()

    async def applied(wanted: int) -> bool:
        async with db.sessionmaker() as s:
            return await probe.count_effects(s) >= wanted

    tasks = [asyncio.create_task(produce()), asyncio.create_task(first.run())]
    try:
        await wait_for(lambda: first.processed >= 24, timeout=60, what="first replica under way")
        tasks.append(asyncio.create_task(second.run()))  # joins: the group rebalances
        await second.wait_assigned(timeout=60)
        second_assigned.set()
        await wait_for(lambda: applied(300), timeout=60, what="300 effects")
        await first.stop()  # leaves: the second takes every partition
        first_stopped.set()
        await wait_for(lambda: applied(600), timeout=90, what="600 effects")
        await asyncio.wait_for(tasks[0], 30)
    finally:
        for runner in (first, second):
            await runner.stop()
        for task in tasks:
            task.cancel()
    assert second.processed >= 12 * 15  # at least the rounds produced after the first left
    async with db.sessionmaker() as s:
        assert await probe.count_effects(s) == 600
        distinct = select(func.count(func.distinct(probe.Effect.event_id)))
        assert (await s.execute(distinct)).scalar_one() == 600
        for customer in customers:
            assert await probe.effects(s, customer) == [f"n{n:03d}" for n in range(50)]
    await db.dispose()
