"""The relay's publish path: outbox rows into Kafka as record batches (issue 17).

``producer.send`` per message cost the relay ~30 µs of Python each (partitioner, accumulator, one
future per message), and entitlements publishes about twelve ``entitlement.changed.v1`` per tier
change. Here a round's rows are appended to one ``BatchBuilder`` per partition
(``producer.create_batch`` / ``send_batch``): one future per batch, each key's partition computed
once per round with the producer's default partitioner (murmur2 of the key, as ``send`` does).

Order per partition holds: a partition's batches are queued in row order (the accumulator sends
one batch of a partition after the other), and a row too large for a batch goes on its own
through ``producer.send`` (which refuses one above ``max_request_size`` at once, as it always
did) after its partition's open batch is queued. A row refused at once fails its key's later
rows of the round (not sent, so per-key order holds); the caller charges and parks as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner

#: Rows with a payload above this go alone through ``producer.send`` (a batch holds 16 KiB).
LARGE_ROW_BYTES = 8 * 1024


@dataclass
class _OpenBatch:
    builder: Any
    row_ids: list[int] = field(default_factory=list)


@dataclass
class Sent:
    """What a round handed to the producer: each sent row's future, and the rows refused at once."""

    futures: dict[int, asyncio.Future[Any]] = field(default_factory=dict)
    refused: dict[int, BaseException] = field(default_factory=dict)


class _Partitions:
    """The producer's partition of each key (murmur2, like ``producer.send``), once per key."""

    def __init__(self, by_topic: dict[str, list[int]]) -> None:
        self.by_topic = by_topic
        self.known: dict[tuple[str, bytes], int] = {}
        self.partitioner = DefaultPartitioner()

    def of(self, topic: str, key: bytes) -> int:
        partition = self.known.get((topic, key))
        if partition is None:
            partitions = self.by_topic[topic]
            partition = self.known[topic, key] = self.partitioner(key, partitions, partitions)
        return partition


async def send_rows(
    producer: AIOKafkaProducer, rows: Sequence[Any], headers_of: Callable[[int], list[tuple[str, bytes]]]
) -> Sent:
    """Queue the outbox rows (``topic``, ``key``, ``payload``, ``id``) in order; see the module docstring."""
    partitions = _Partitions({t: sorted(await producer.partitions_for(t)) for t in {row.topic for row in rows}})
    sent = Sent()
    refused_keys: set[str] = set()
    open_batches: dict[tuple[str, int], _OpenBatch] = {}

    async def queue(topic: str, partition: int) -> None:
        batch = open_batches.pop((topic, partition), None)
        if batch is not None and batch.row_ids:
            future = await producer.send_batch(batch.builder, topic, partition=partition)
            sent.futures.update(dict.fromkeys(batch.row_ids, future))

    for i, row in enumerate(rows):
        if row.key in refused_keys:
            continue
        key, value = row.key.encode(), row.payload.encode()
        partition = partitions.of(row.topic, key)
        if len(value) > LARGE_ROW_BYTES:
            await queue(row.topic, partition)
            try:
                sent.futures[row.id] = await producer.send(row.topic, value=value, key=key, headers=headers_of(i))
            except Exception as exc:  # refused before sending (e.g. larger than max_request_size)
                sent.refused[row.id] = exc
                refused_keys.add(row.key)
            continue
        batch = open_batches.get((row.topic, partition))
        if batch is None or batch.builder.append(timestamp=None, key=key, value=value, headers=headers_of(i)) is None:
            await queue(row.topic, partition)  # full (or none yet): queue it and open the next
            batch = open_batches[row.topic, partition] = _OpenBatch(producer.create_batch())
            batch.builder.append(timestamp=None, key=key, value=value, headers=headers_of(i))
        batch.row_ids.append(row.id)
    for topic, partition in list(open_batches):
        await queue(topic, partition)
    return sent
