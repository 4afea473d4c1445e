"""Partitions applied side by side: one worker task per partition, one fetch loop, offsets per partition.

``ConsumerRunner`` fetches from every assigned partition and hands each partition's messages to
``PartitionWorkers.dispatch``. Each partition with messages has one worker task that applies them
in offset order (``consumer_batch.process_messages``: batches of ``kafka_batch_size`` events, each
one transaction), so:

- **order**: one customer's events share a key, so a partition, so a worker: they are applied one
  after the other, in offset order, exactly as before;
- **overlap**: different partitions hold different customers, so their transactions share no rows;
  while one worker waits for PostgreSQL another runs its Python. ``kafka_partition_workers``
  (settings) bounds how many transactions one consumer has open at once (SQLite: always one — it
  has a single writer);
- **offsets**: a worker records the offset after its last applied message; the fetch loop commits
  what the workers finished (``take_done``), so an offset is committed only after its effect;
- **back-pressure**: a partition whose worker has ``buffer_limit`` messages waiting is paused
  (aiokafka ``pause``: not fetched) and resumed when its worker has taken them; memory per
  consumer stays bounded whatever the backlog;
- **rebalances**: aiokafka calls ``revoke`` (``ConsumerRebalanceListener.on_partitions_revoked``)
  before the group moves partitions: the waiting messages are dropped, the in-flight batch
  finishes, and the finished offsets are committed, so the next owner starts after what was applied
  and no two consumers ever apply one partition at the same time (the dropped messages are fetched
  again from the committed offset — by us or by the new owner). Until the new assignment, what
  the fetch loop still brings for those partitions is dropped too: queued behind the dropped
  messages it would be applied and its offset committed past them (a test lost 6 of 600 events so);
- **failures**: a worker whose batch raised (the one-by-one path retries and dead-letters bad
  events, so only an infrastructure fault gets here) stops; the fetch loop raises its error, the
  runner closes the consumer and starts again from the committed offsets.

Why a worker per partition and not one transaction per fetch: under a backlog aiokafka's
``getmany`` returns one partition's records at a time, so one consumer was a single serial chain
(Python, then PostgreSQL, then Python ...) and held ~470 tier changes/s here (bench/README.md).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Protocol, TypeAlias

from aiokafka import ConsumerRecord, TopicPartition

log = logging.getLogger("vipkit.consumer")

Record: TypeAlias = ConsumerRecord[Any, Any]
ApplyMessages = Callable[[Sequence[Record]], Awaitable[None]]


class PausableConsumer(Protocol):
    """What of ``AIOKafkaConsumer`` the workers use."""

    def assignment(self) -> set[TopicPartition]: ...
    def pause(self, *partitions: TopicPartition) -> None: ...
    def resume(self, *partitions: TopicPartition) -> None: ...


class PartitionWorkers:
    """The workers of one consumer (see the module docstring)."""

    def __init__(
        self,
        consumer: PausableConsumer,
        apply_messages: ApplyMessages,
        *,
        batch_size: int,
        linger_seconds: float,
        concurrency: int,
        buffer_limit: int,
    ) -> None:
        self.consumer = consumer
        self.apply_messages = apply_messages
        self.batch_size = max(1, batch_size)
        self.linger_seconds = linger_seconds
        self.buffer_limit = max(self.batch_size, buffer_limit)
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._buffers: dict[TopicPartition, list[Record]] = {}
        self._tasks: dict[TopicPartition, asyncio.Task[None]] = {}
        self._done: dict[TopicPartition, int] = {}
        self._paused: set[TopicPartition] = set()
        # revoked (until the next assignment) or closed: what the fetch loop still brings is dropped,
        # never queued behind messages already dropped (their offsets would be committed past them)
        self._refused: set[TopicPartition] = set()
        self._closed = False
        self.failure: BaseException | None = None
        self.most_in_flight = 0  # the most batches applied at once so far (tests, metrics)
        self._in_flight = 0

    @property
    def busy(self) -> bool:
        """Messages waiting or being applied, or offsets not yet committed."""
        return bool(self._tasks or self._done)

    @property
    def applying(self) -> bool:
        """A worker is running (messages waiting or a batch in flight)."""
        return bool(self._tasks)

    def waiting(self) -> int:
        return sum(len(messages) for messages in self._buffers.values())

    def dispatch(self, fetched: dict[TopicPartition, list[Record]]) -> None:
        """Queue each partition's fetched messages behind its worker (started when idle)."""
        if self.failure is not None or self._closed:
            return  # the fetch loop restarts the consumer: nothing after a failed batch is applied
        assigned = self.consumer.assignment()
        for tp, messages in fetched.items():
            if not messages or tp not in assigned or tp in self._refused:
                continue  # a partition revoked since the fetch: its next owner reads it again
            buffer = self._buffers.setdefault(tp, [])
            buffer.extend(messages)
            if len(buffer) >= self.buffer_limit and tp not in self._paused:
                self.consumer.pause(tp)
                self._paused.add(tp)
            if tp not in self._tasks:
                self._tasks[tp] = asyncio.create_task(self._work(tp), name=f"consumer-partition-{tp.partition}")

    def take_done(self) -> dict[TopicPartition, int]:
        """The offsets to commit (next offset per partition) that workers finished since last asked."""
        done, self._done = self._done, {}
        return done

    async def revoke(self, partitions: Iterable[TopicPartition]) -> dict[TopicPartition, int]:
        """Stop the partitions' workers after their in-flight batch; returns their finished offsets."""
        partitions = set(partitions)
        self._refused |= partitions
        for tp in partitions:
            self._buffers.pop(tp, None)
            self._paused.discard(tp)
        tasks = [task for tp, task in self._tasks.items() if tp in partitions]
        if tasks:
            await asyncio.wait(tasks)
        # the partitions kept (none with Kafka's eager rebalancing) stay for the fetch loop to commit
        return {tp: self._done.pop(tp) for tp in list(self._done) if tp in partitions}

    def assigned(self) -> None:
        """A new assignment (aiokafka reads each partition again from its committed offset)."""
        self._refused.clear()

    async def close(self, timeout: float = 30.0) -> dict[TopicPartition, int]:
        """Drop what waits, let in-flight batches finish (cancelled after ``timeout``); finished offsets."""
        self._closed = True
        self._buffers.clear()
        self._paused.clear()
        tasks = list(self._tasks.values())
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        return self.take_done()

    async def _work(self, tp: TopicPartition) -> None:
        try:
            while self._buffers.get(tp):
                if self.linger_seconds and len(self._buffers[tp]) < self.batch_size:
                    await asyncio.sleep(self.linger_seconds)  # let the fetch loop fill the batch
                chunk = self._take(tp)
                if not chunk:
                    break
                async with self._slots:
                    self._in_flight += 1
                    self.most_in_flight = max(self.most_in_flight, self._in_flight)
                    try:
                        await self.apply_messages(chunk)
                    finally:
                        self._in_flight -= 1
                self._done[tp] = chunk[-1].offset + 1
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # an infrastructure fault: the fetch loop restarts the consumer
            self.failure = exc
            self._buffers.pop(tp, None)
            log.warning("partition worker failed", extra={"partition": str(tp), "error": repr(exc)})
        finally:
            self._tasks.pop(tp, None)

    def _take(self, tp: TopicPartition) -> list[Record]:
        buffer = self._buffers.get(tp)
        if not buffer:
            return []
        chunk, buffer[:] = buffer[: self.batch_size], buffer[self.batch_size :]
        if tp in self._paused and len(buffer) < self.buffer_limit:
            self._paused.discard(tp)
            if tp in self.consumer.assignment():
                self.consumer.resume(tp)
        return chunk
