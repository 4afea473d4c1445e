"""The outbox relay: publishes pending outbox rows to Kafka, in order, at least once.

PostgreSQL: each batch runs in a transaction that first takes a transaction-scoped advisory lock
(``pg_try_advisory_xact_lock``), so one replica publishes at a time and the others skip the round:
no two replicas ever produce to a partition concurrently, so one customer's events are never
reordered, and failover is immediate (the lock ends with the leader's transaction or connection).
Rows are claimed with ``FOR UPDATE SKIP LOCKED`` and marked published in the same transaction, so
no row is published twice by two replicas. SQLite (one process per database file): rows are read,
published outside the write lock, then marked, so a broker outage never blocks writers.
A broker outage leaves rows pending; the relay retries with exponential backoff.

Messages follow the CloudEvents Kafka protocol binding in structured mode: the envelope is the
value, ``content-type: application/cloudevents+json``, the key is the ``partitionkey``, and no
``ce_*`` header (a ``ce_`` header makes SDK readers treat the message as binary mode). With tracing
on, a ``traceparent`` header carries the publish span (vipkit.tracing).

Poison rows (issue 12): every failed send records ``attempts`` and ``last_error`` on its row. A row
the broker can never take (larger than the broker's message limit, an invalid topic: errors that
no retry can fix) is **parked** after ``relay_park_after`` attempts (``parked_at``). Per-key order
holds: a key's later rows are not sent in a batch after its row failed, and they wait behind a
parked row until ops retries it (``POST /api/v1/ops/{service}/outbox/{id}/retry``) or discards it
(``.../discard``); every other key keeps flowing. Transient errors (broker away, timeouts) never
park a row; the relay backs off and tries again for as long as it takes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import (
    InvalidTopicError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
    UnsupportedForMessageFormatError,
)
from sqlalchemy import and_, exists, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit import clock
from vipkit.db import Database, outbox_table
from vipkit.db_bulk import any_of
from vipkit.kafka import ensure_topics, start_producer
from vipkit.polling import PollLoop
from vipkit.relay_send import send_rows
from vipkit.settings import CommonSettings
from vipkit.tracing import PublishSpans

log = logging.getLogger("vipkit.relay")

CONTENT_TYPE_HEADER = ("content-type", b"application/cloudevents+json; charset=utf-8")
#: Advisory lock key of the relay (each service has its own database, so one constant suffices).
RELAY_LOCK_KEY = 0x56495052454C4159 & 0x7FFFFFFFFFFFFFFF
#: Errors no retry can fix: the row is parked after ``relay_park_after`` attempts.
UNPUBLISHABLE = (
    MessageSizeTooLargeError,
    RecordTooLargeError,
    RecordListTooLargeError,
    InvalidTopicError,
    UnsupportedForMessageFormatError,
)


class BrokerUnavailable(Exception):
    """Some rows failed for a reason that may pass (broker away, timeout): back off, try again."""


@functools.cache  # built once: constructing it was ~15% of a relay round's CPU (issue 17)
def pending_rows_query(limit: int, *, claim: bool = False) -> Any:
    """Unpublished, unparked rows whose key has no parked row before them, oldest first; ``claim``:
    locked ``FOR UPDATE SKIP LOCKED`` (PostgreSQL)."""
    t = outbox_table
    parked = outbox_table.alias("parked")
    held = exists().where(
        and_(
            parked.c.key == t.c.key,
            parked.c.id < t.c.id,
            parked.c.parked_at.is_not(None),
            parked.c.published_at.is_(None),
        )
    )
    query = (
        select(t.c.id, t.c.event_id, t.c.topic, t.c.key, t.c.payload, t.c.attempts)
        .where(t.c.published_at.is_(None), t.c.parked_at.is_(None), ~held)
        .order_by(t.c.published_at, t.c.id)  # = id order (published_at is NULL): ix_outbox_pending's order
        .limit(limit)
    )
    return query.with_for_update(of=t, skip_locked=True) if claim else query


# For the pending query in the relay's transaction (PostgreSQL): plan it for the outbox as it is now,
# and read ``ix_outbox_pending`` in order up to the batch size. Without statistics (ANALYZE; autovacuum
# may be off or behind) the planner believes few rows are pending and (a) the pooled connection keeps
# the generic plan made while the outbox was near empty, which scanned it once per pending row (14 s
# per batch with 10,000 rows pending), (b) picks a bitmap scan that sorts every pending row, payloads
# included, before the LIMIT (1.8 s per batch with 146,000 pending: issue 17, revisit's 10:00 batch).
# One round trip with the leader's advisory lock (a relay round was five; most rounds find nothing).
LEAD_AND_PLAN_PENDING_BY_INDEX = text(
    "SELECT pg_try_advisory_xact_lock(:key), set_config('plan_cache_mode', 'force_custom_plan', true),"
    " set_config('enable_bitmapscan', 'off', true)"
)


class OutboxRelay:
    def __init__(self, db: Database, settings: CommonSettings, *, name: str) -> None:
        self.db = db
        self.settings = settings
        self.name = name
        self.producer: AIOKafkaProducer | None = None
        self.published = 0
        self.batch = settings.relay_batch  # rows per round: grows while rounds come back full
        self.broker_ok = False
        self._known_topics: set[str] = set()
        self.loop = PollLoop(
            self._round,
            idle_seconds=settings.relay_poll_ms / 1000,
            error_initial_seconds=0.2,
            on_error=self._after_failure,
        )
        db.after_commit_hooks.append(self.wake)

    def wake(self) -> None:
        self.loop.wake()

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self.producer is None:
            self.producer = await start_producer(self.settings, client_id=f"{self.name}-relay")
        return self.producer

    async def _drop_producer(self) -> None:
        if self.producer is not None:
            producer, self.producer = self.producer, None
            try:
                await asyncio.wait_for(producer.stop(), 5)
            except Exception:
                pass

    async def run(self) -> None:
        """Publish until stopped; never raises on broker trouble (``vipkit.polling``: backoff 0.2 s → 5 s)."""
        await self.loop.run()

    async def _round(self) -> int:
        count = await self.publish_pending()
        self.broker_ok = True
        return count

    async def _after_failure(self, exc: Exception, retry_in: float) -> None:
        self.broker_ok = False
        log.warning("outbox relay failed; will retry", extra={"error": repr(exc), "retry_in_s": retry_in})
        await self._drop_producer()
        self._known_topics.clear()  # a restarted broker may have lost them

    async def stop(self) -> None:
        self.loop.stop()
        await self._drop_producer()

    async def publish_pending(self) -> int:
        """Publish one batch of pending rows; returns how many were published.

        A round that publishes a full batch means a backlog (a 10:00 revisit batch, a re-rating, a
        burst of tier changes): the next round takes twice as many rows, up to ``relay_batch_max``;
        any other round goes back to ``relay_batch``. Each round's fixed costs (leader lock, pending
        read, broker acknowledgement, marking, commit) are then shared by more rows while it lasts,
        and a quiet outbox keeps small, quick rounds."""
        batch = self.batch
        count = await (self._publish_postgres(batch) if self.db.is_postgres else self._publish_unlocked(batch))
        largest = max(self.settings.relay_batch, self.settings.relay_batch_max)
        self.batch = min(2 * batch, largest) if count >= batch else self.settings.relay_batch
        return count

    async def _send(self, rows: Sequence[Any]) -> dict[int, BaseException]:
        """Send the rows in order (record batches: ``vipkit.relay_send``); returns the rows that
        failed (by id) with their error.

        After a row of a key is refused, that key's later rows are not sent in this batch (they count
        as failed with the same error but are not charged an attempt), so per-key order holds."""
        producer = await self._ensure_producer()
        topics = {row.topic for row in rows} - self._known_topics
        if topics:
            await ensure_topics(
                self.settings.kafka_bootstrap,
                topics,
                self.settings.kafka_partitions,
                self.settings.kafka_replication,
                settings=self.settings,
            )
            self._known_topics |= topics
        spans = PublishSpans(rows)
        sent = await send_rows(producer, rows, lambda i: [CONTENT_TYPE_HEADER, *spans.headers(i)])
        failed = sent.refused
        if sent.futures:  # one future per record batch, shared by its rows
            _done, not_done = await asyncio.wait(set(sent.futures.values()), timeout=30)
            for row_id, future in sent.futures.items():
                if future in not_done:
                    future.cancel()
                    failed[row_id] = TimeoutError("broker did not acknowledge within 30 s")
                elif future.exception() is not None:
                    failed[row_id] = future.exception()  # type: ignore[assignment]
        spans.end(next(iter(failed.values()), None))
        return failed

    async def _mark(self, session: AsyncSession, rows: Sequence[Any], failed: dict[int, BaseException]) -> int:
        """Mark sent rows published; charge failed rows an attempt (parking unpublishable ones)."""
        t = outbox_table
        now = clock.now()
        # a key's rows after its first failure were not sent at all (order): they stay pending
        first_failure: dict[str, int] = {}
        for row in rows:
            if row.id in failed and row.key not in first_failure:
                first_failure[row.key] = row.id
        if failed:
            sent = [row.id for row in rows if row.id not in failed and row.id < first_failure.get(row.key, row.id + 1)]
        else:
            sent = [row.id for row in rows]
        if sent:
            await session.execute(update(t).where(any_of(session, t.c.id, sent)).values(published_at=now))
        for row in rows:
            exc = failed.get(row.id)
            if exc is None:
                continue
            attempts = row.attempts + 1
            park = isinstance(exc, UNPUBLISHABLE) and attempts >= self.settings.relay_park_after
            await session.execute(
                update(t)
                .where(t.c.id == row.id)
                .values(
                    attempts=attempts,
                    last_error=f"{type(exc).__name__}: {exc}"[:2000],
                    parked_at=now if park else None,
                )
            )
            if park:
                log.error(
                    "outbox row parked: it cannot be published; the key's later rows wait for ops",
                    extra={"outbox_id": row.id, "topic": row.topic, "error": repr(exc)[:500]},
                )
        self.published += len(sent)
        return len(sent)

    @staticmethod
    def _raise_if_transient(failed: dict[int, BaseException]) -> None:
        transient = [exc for exc in failed.values() if not isinstance(exc, UNPUBLISHABLE)]
        if transient:
            raise BrokerUnavailable(repr(transient[0]))

    async def _publish_postgres(self, batch: int) -> int:
        async with self.db.sessionmaker() as session, session.begin():
            leader = await session.scalar(LEAD_AND_PLAN_PENDING_BY_INDEX, {"key": RELAY_LOCK_KEY})
            if not leader:
                return 0  # another replica is publishing this round
            rows = (await session.execute(pending_rows_query(batch, claim=True))).all()
            if not rows:
                return 0
            failed = await self._send(rows)
            count = await self._mark(session, rows, failed)
        self._raise_if_transient(failed)
        return count

    async def _publish_unlocked(self, batch: int) -> int:
        async with self.db.sessionmaker() as session:
            rows = (await session.execute(pending_rows_query(batch))).all()
            await session.rollback()
        if not rows:
            return 0
        failed = await self._send(rows)
        async with self.db.sessionmaker() as session, session.begin():
            count = await self._mark(session, rows, failed)
        self._raise_if_transient(failed)
        return count
