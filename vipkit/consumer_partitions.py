"""Partitions applied side by side: batches over idle partitions, one fetch loop, offsets per partition.

``ConsumerRunner`` fetches from every assigned partition and hands each partition's messages to
``PartitionWorkers.dispatch``. A **batch** takes waiting messages from partitions that have no batch
in flight (each partition's in offset order, up to ``kafka_batch_size`` in all) and is applied by
``consumer_batch.process_messages`` in one transaction; up to ``kafka_partition_workers`` batches
are in flight at once (PostgreSQL; SQLite: one — it has a single writer). So:

- **order**: one customer's events share a key, so a partition; a partition is in at most one batch
  in flight, and its messages are taken in offset order: they are applied one after the other;
- **overlap**: different partitions hold different customers, so batches in flight share no rows;
  while one waits for PostgreSQL another runs its Python. A second batch starts beside one in
  flight only when a whole batch waits (a backlog); otherwise the next batch takes every
  partition's waiting messages once the one in flight is done. So at low rates there is one
  transaction at a time, as large as the load makes it (concurrent small batches added latency
  and CPU per event at 100 tier changes/s here), and under a backlog several, one partition each;
- **offsets**: when a batch has committed, each of its partitions' next offset is recorded; the
  fetch loop commits them (``take_done``), so an offset is committed only after its effect;
- **back-pressure**: a partition with ``buffer_limit`` messages waiting is paused (aiokafka
  ``pause``: not fetched) and resumed when a batch has taken them; memory stays bounded whatever
  the backlog;
- **rebalances**: aiokafka calls ``revoke`` (``ConsumerRebalanceListener.on_partitions_revoked``)
  before the group moves partitions: the waiting messages are dropped, the batches in flight
  finish, and the finished offsets are committed, so the next owner starts after what was applied
  and no two consumers ever apply one partition at the same time (the dropped messages are fetched
  again from the committed offset — by us or by the new owner). Until the new assignment, what
  the fetch loop still brings for those partitions is dropped too: queued behind the dropped
  messages it would be applied and its offset committed past them (a test lost 6 of 600 events so);
- **failures**: a batch that raised (the one-by-one path retries and dead-letters bad events, so
  only an infrastructure fault gets here) stops all new batches; the fetch loop raises its error,
  the runner closes the consumer and starts again from the committed offsets.

Why: under a backlog aiokafka's ``getmany`` returns one partition's records at a time, so one
transaction per fetch made each consumer a single serial chain (Python, then PostgreSQL, then
Python ...) that held ~470 tier changes/s here (bench/README.md).
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
    """The batches of one consumer (see the module docstring)."""

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
        self.concurrency = max(1, concurrency)
        self.buffer_limit = max(self.batch_size, buffer_limit)
        self._buffers: dict[TopicPartition, list[Record]] = {}
        self._batches: dict[asyncio.Task[None], frozenset[TopicPartition]] = {}
        self._done: dict[TopicPartition, int] = {}
        self._paused: set[TopicPartition] = set()
        # revoked (until the next assignment) or closed: what the fetch loop still brings is dropped,
        # never queued behind messages already dropped (their offsets would be committed past them)
        self._refused: set[TopicPartition] = set()
        self._closed = False
        self._linger: asyncio.TimerHandle | None = None
        self.failure: BaseException | None = None
        self.most_in_flight = 0  # the most batches applied at once so far (tests)

    @property
    def busy(self) -> bool:
        """Messages waiting or being applied, or offsets not yet committed."""
        return bool(self.applying or self._done)

    @property
    def applying(self) -> bool:
        """Messages waiting or a batch in flight."""
        return bool(self._batches or self.waiting())

    def waiting(self) -> int:
        return sum(len(messages) for messages in self._buffers.values())

    def dispatch(self, fetched: dict[TopicPartition, list[Record]]) -> None:
        """Queue each partition's fetched messages and start the batches that can start."""
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
        self._start_batches()

    def take_done(self) -> dict[TopicPartition, int]:
        """The offsets to commit (next offset per partition) finished since last asked."""
        done, self._done = self._done, {}
        return done

    async def revoke(self, partitions: Iterable[TopicPartition]) -> dict[TopicPartition, int]:
        """Drop the partitions' waiting messages, let the batches in flight with them finish;
        returns their finished offsets."""
        partitions = set(partitions)
        self._refused |= partitions
        for tp in partitions:
            self._buffers.pop(tp, None)
            self._paused.discard(tp)
        tasks = [task for task, tps in self._batches.items() if tps & partitions]
        if tasks:
            await asyncio.wait(tasks)
        # the partitions kept (none with Kafka's eager rebalancing) stay for the fetch loop to commit
        return {tp: self._done.pop(tp) for tp in list(self._done) if tp in partitions}

    def assigned(self) -> None:
        """A new assignment (aiokafka reads each partition again from its committed offset)."""
        self._refused.clear()

    async def close(self, timeout: float = 30.0) -> dict[TopicPartition, int]:
        """Drop what waits, let batches in flight finish (cancelled after ``timeout``); finished offsets."""
        self._closed = True
        self._buffers.clear()
        self._paused.clear()
        if self._linger is not None:
            self._linger.cancel()
        tasks = list(self._batches)
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
        return self.take_done()

    def _start_batches(self, lingered: bool = False) -> None:
        if lingered:
            self._linger = None
        while self.failure is None and not self._closed and len(self._batches) < self.concurrency:
            if self._linger is not None:
                return  # a batch is filling up (``kafka_batch_linger_ms``)
            busy = frozenset().union(*self._batches.values())
            ready = [tp for tp, buffer in self._buffers.items() if buffer and tp not in busy]
            if not ready:
                return
            less_than_a_batch = sum(len(self._buffers[tp]) for tp in ready) < self.batch_size
            if self._batches and less_than_a_batch:
                return  # no backlog: one batch after the in-flight one takes them all (fewer transactions)
            if self.linger_seconds and not lingered and less_than_a_batch:
                loop = asyncio.get_running_loop()
                self._linger = loop.call_later(self.linger_seconds, self._start_batches, True)
                return
            lingered = False
            batch = self._take(ready)
            task = asyncio.create_task(self._apply(batch), name="consumer-batch")
            self._batches[task] = frozenset(TopicPartition(m.topic, m.partition) for m in batch)
            self.most_in_flight = max(self.most_in_flight, len(self._batches))

    def _take(self, ready: list[TopicPartition]) -> list[Record]:
        """Up to a batch of messages: each ready partition's oldest, one partition after the other."""
        batch: list[Record] = []
        for tp in ready:
            buffer = self._buffers[tp]
            room = self.batch_size - len(batch)
            batch += buffer[:room]
            del buffer[:room]
            if tp in self._paused and len(buffer) < self.buffer_limit:
                self._paused.discard(tp)
                if tp in self.consumer.assignment():
                    self.consumer.resume(tp)
            if len(batch) >= self.batch_size:
                break
        return batch

    async def _apply(self, batch: list[Record]) -> None:
        try:
            await self.apply_messages(batch)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # an infrastructure fault: the fetch loop restarts the consumer
            self.failure = exc
            self._buffers.clear()  # read again after the restart, from the committed offsets
            log.warning("consumer batch failed", extra={"size": len(batch), "error": repr(exc)})
        else:
            for m in batch:
                self._done[TopicPartition(m.topic, m.partition)] = m.offset + 1
        finally:
            self._batches.pop(asyncio.current_task(), None)  # type: ignore[arg-type]
            self._start_batches()
