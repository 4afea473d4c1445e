"""Consumer-group runner: each message's effect and its inbox row commit in one transaction.

- A redelivered event (same CloudEvent ``id``) finds its inbox row and has no second effect.
- A failing handler is treated by ``vipkit.consumer_errors``: transient errors are retried in place
  (offset not committed), permanent ones are dead-lettered at once, unknown ones after
  ``kafka_consumer_retries`` attempts.
- A dead letter is first recorded in the service's ``dead_letters`` table (durable, listed and
  replayed by ops), then published to ``<topic>.dlq`` with the error in the ``error`` header; a
  failed DLQ publish is logged and never blocks or loops — the consumer moves on.
- Offsets are committed only after the effect (or the dead letter) has committed.
- Batches of different partitions are applied side by side under a backlog, each partition's in
  offset order (``vipkit.consumer_partitions``: order per key, back-pressure, rebalances).
- The event's ``testnow`` attribute becomes the clock for the handler when the test clock is on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent
from vipkit import clock
from vipkit.consumer_batch import process_messages
from vipkit.consumer_errors import apply_with_retries
from vipkit.consumer_partitions import PartitionWorkers
from vipkit.db import Database, inbox_table, insert_ignore
from vipkit.events import parse_event
from vipkit.kafka import dlq_topic, security_kwargs, start_producer
from vipkit.plumbing import dead_letters_table
from vipkit.settings import CommonSettings
from vipkit.tracing import consume_span

log = logging.getLogger("vipkit.consumer")

Handler = Callable[[AsyncSession, CloudEvent, str], Awaitable[None]]
# Optional, for a set-wise consumer: the fresh events of a batch, ``(event, topic)`` in offset order.
BatchHandler = Callable[[AsyncSession, list[tuple[CloudEvent, str]]], Awaitable[None]]
"""``handler(session, event, topic)``: apply the effect inside the given transaction."""


@dataclass
class ConsumerSpec:
    """What a service consumes: topics, its group and the handler."""

    name: str
    topics: list[str]
    handler: Handler
    group_id: str | None = None
    # applies a whole batch at once (same effects as ``handler`` event by event, in order); the
    # one-by-one path (batch size 1, retries, dead letters) still uses ``handler``
    batch_handler: BatchHandler | None = None


@dataclass
class ProcessResult:
    status: str  # processed | duplicate | dead
    error: str | None = None


class ConsumerRunner:
    def __init__(self, spec: ConsumerSpec, db: Database, settings: CommonSettings, *, service: str) -> None:
        self.spec = spec
        self.db = db
        self.settings = settings
        self.service = service
        self.group_id = spec.group_id or f"{service}.{spec.name}"
        self.consumer: AIOKafkaConsumer | None = None
        self.workers: PartitionWorkers | None = None
        self._dlq_producer: AIOKafkaProducer | None = None
        self._stopped = False
        self.processed = 0
        self.duplicates = 0
        self.dead = 0

    @property
    def assigned(self) -> bool:
        return bool(self.consumer is not None and self.consumer.assignment())

    async def wait_assigned(self, timeout: float = 30.0) -> None:
        """Wait until the group join gave this consumer its partitions (tests, readiness)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.assigned:
            if loop.time() > deadline:
                raise TimeoutError(f"consumer {self.group_id} got no partitions within {timeout}s")
            await asyncio.sleep(0.05)

    async def start(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.kafka_bootstrap,
            group_id=self.group_id,
            client_id=f"{self.service}-{self.spec.name}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=self.settings.kafka_fetch_max_wait_ms,
            max_poll_records=self.settings.kafka_max_poll_records,
            session_timeout_ms=10000,
            heartbeat_interval_ms=1000,
            **security_kwargs(self.settings),
        )
        self.workers = PartitionWorkers(
            consumer,
            lambda messages: process_messages(self, messages),
            batch_size=self.settings.kafka_batch_size,
            linger_seconds=self.settings.kafka_batch_linger_ms / 1000,
            # SQLite has one writer: its transactions would only wait for each other
            concurrency=self.settings.kafka_partition_workers if self.db.is_postgres else 1,
            buffer_limit=2 * max(self.settings.kafka_batch_size, self.settings.kafka_max_poll_records),
        )
        consumer.subscribe(self.spec.topics, listener=_CommitOnRevoke(self))
        self.consumer = consumer
        await consumer.start()

    async def run(self) -> None:
        """Start (retrying while the broker is away) and consume until stopped."""
        backoff = 0.5
        while not self._stopped:
            try:
                if self.consumer is None:
                    await self.start()
                    backoff = 0.5
                await self._poll_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("consumer failed; restarting", extra={"group": self.group_id, "error": repr(exc)})
                await self._close_consumer()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def _poll_once(self) -> None:
        """Fetch, queue the messages for their batches, commit the offsets of the batches finished."""
        assert self.consumer is not None and self.workers is not None
        workers = self.workers
        if workers.failure is not None:
            raise RuntimeError("a consumer batch failed; restarting from the committed offsets") from workers.failure
        # short waits while batches run, so that their offsets are committed soon after their effects
        fetched = await self.consumer.getmany(timeout_ms=50 if workers.busy else 1000)
        workers.dispatch(fetched)
        done = workers.take_done()
        if done:
            await self._commit(done)

    async def _commit(self, offsets: dict[TopicPartition, int]) -> None:
        assert self.consumer is not None
        assigned = self.consumer.assignment()
        offsets = {tp: offset for tp, offset in offsets.items() if tp in assigned}
        if not offsets:
            return
        try:
            await self.consumer.commit(offsets)
        except (CommitFailedError, KafkaError) as exc:
            # a rebalance took the partition; the new owner re-reads and the inbox dedupes
            log.warning("offset commit failed", extra={"group": self.group_id, "error": repr(exc)})

    async def process(
        self, topic: str, raw: bytes | None, record: ConsumerRecord[Any, Any] | None = None
    ) -> ProcessResult:
        """Apply one message: parse, dedupe via inbox, run the handler in a transaction, or DLQ it."""
        try:
            event = parse_event(raw or b"")
        except ValueError as exc:
            await self._dead_letter(topic, raw, record, f"unparseable: {exc}")
            return ProcessResult("dead", str(exc))
        headers = record.headers if record is not None else None

        async def apply() -> ProcessResult:
            with consume_span(self.group_id, topic, event, headers):
                return await self._apply(topic, event)

        outcome = await apply_with_retries(
            apply,
            unknown_attempts=self.settings.kafka_consumer_retries,
            backoff_cap_seconds=self.settings.kafka_retry_backoff_cap_s,
            stopped=lambda: self._stopped,
            context={"group": self.group_id, "event_id": event.id, "topic": topic},
        )
        if outcome.error is None:
            assert isinstance(outcome.result, ProcessResult)
            return outcome.result
        await self._dead_letter(topic, raw, record, outcome.error)
        return ProcessResult("dead", outcome.error)

    async def replay(self, letter: dict[str, Any]) -> ProcessResult:
        """Ops: feed a recorded dead letter through this consumer again (the inbox makes it idempotent)."""
        t = dead_letters_table
        try:
            result = await self._apply(letter["topic"], parse_event(letter["payload"]))
            note = result.status
        except Exception as exc:
            result = ProcessResult("failed", f"{type(exc).__name__}: {exc}"[:2000])
            note = f"failed: {result.error}"
        async with self.db.transaction() as session:
            values: dict[str, Any] = {"replay_result": note[:2000]}
            if result.status != "failed":
                values["replayed_at"] = clock.now()
            await session.execute(update(t).where(t.c.id == letter["id"]).values(**values))
        return result

    async def _apply(self, topic: str, event: CloudEvent) -> ProcessResult:
        test_now = event.testnow if self.settings.test_clock else None
        with clock.frozen(test_now):
            async with self.db.transaction() as session:
                fresh = await insert_ignore(
                    session,
                    inbox_table,
                    {"consumer": self.group_id, "event_id": event.id, "topic": topic, "processed_at": clock.now()},
                )
                if not fresh:
                    self.duplicates += 1
                    return ProcessResult("duplicate")
                await self.spec.handler(session, event, topic)
        self.processed += 1
        return ProcessResult("processed")

    async def _dead_letter(
        self, topic: str, raw: bytes | None, record: ConsumerRecord[Any, Any] | None, error: str
    ) -> None:
        """Record the dead letter (durable; retried while the database is away), then publish it to
        ``<topic>.dlq`` best-effort: a failed publish is logged, never retried in a loop."""
        self.dead += 1
        log.error("message dead-lettered", extra={"group": self.group_id, "topic": topic, "error": error[:500]})
        key = record.key if record is not None else None
        letter = {
            "consumer": self.group_id,
            "topic": topic,
            "partition": record.partition if record is not None else None,
            "offset": record.offset if record is not None else None,
            "key": key.decode(errors="replace")[:200] if isinstance(key, bytes) else None,
            "payload": (raw or b"").decode(errors="replace"),
            "error": error[:2000],
        }

        async def record_letter() -> None:
            async with self.db.transaction() as session:
                await session.execute(insert(dead_letters_table).values(**letter, created_at=clock.now()))

        await apply_with_retries(
            record_letter,
            unknown_attempts=self.settings.kafka_consumer_retries,
            backoff_cap_seconds=self.settings.kafka_retry_backoff_cap_s,
            stopped=lambda: self._stopped,
            context={"group": self.group_id, "topic": topic, "what": "record dead letter"},
        )
        headers = [
            ("error", error[:2000].encode()),
            ("consumer", self.group_id.encode()),
            ("original-topic", topic.encode()),
        ]
        if record is not None:
            headers.append(("original-offset", str(record.offset).encode()))
            headers.append(("original-partition", str(record.partition).encode()))
        try:
            if self._dlq_producer is None:
                self._dlq_producer = await asyncio.wait_for(
                    start_producer(self.settings, client_id=f"{self.service}-dlq"), 15
                )
            producer: AIOKafkaProducer = self._dlq_producer
            await asyncio.wait_for(
                producer.send_and_wait(dlq_topic(topic), value=raw or b"", key=key, headers=headers), 15
            )
        except Exception as exc:  # kept in dead_letters; never block the partition on the DLQ topic
            log.warning("DLQ publish failed; the dead letter is kept in the database", extra={"error": repr(exc)})
            stale, self._dlq_producer = self._dlq_producer, None
            if stale is not None:
                try:
                    await asyncio.wait_for(stale.stop(), 5)
                except Exception:
                    pass

    async def _close_consumer(self) -> None:
        if self.consumer is not None:
            consumer = self.consumer
            if self.workers is not None:
                try:  # in-flight batches finish; their offsets are committed if the broker still answers
                    await asyncio.wait_for(self._commit(await self.workers.close()), 15)
                except Exception:
                    pass
            self.consumer = None
            try:
                await asyncio.wait_for(consumer.stop(), 10)
            except Exception:
                pass

    async def stop(self) -> None:
        self._stopped = True
        await self._close_consumer()
        if self._dlq_producer is not None:
            try:
                await asyncio.wait_for(self._dlq_producer.stop(), 5)
            except Exception:
                pass
            self._dlq_producer = None


class _CommitOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    """Before the group moves partitions: the revoked partitions' batches in flight finish and
    their offsets are committed (``vipkit.consumer_partitions``)."""

    def __init__(self, runner: ConsumerRunner) -> None:
        self.runner = runner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        if self.runner.workers is not None and revoked:
            await self.runner._commit(await self.runner.workers.revoke(revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        if self.runner.workers is not None:
            self.runner.workers.assigned()
