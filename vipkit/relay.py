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
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import func, select, update

from vipkit import clock
from vipkit.db import Database, outbox_table
from vipkit.kafka import ensure_topics, start_producer
from vipkit.settings import CommonSettings
from vipkit.tracing import PublishSpans

log = logging.getLogger("vipkit.relay")

CONTENT_TYPE_HEADER = ("content-type", b"application/cloudevents+json; charset=utf-8")
#: Advisory lock key of the relay (each service has its own database, so one constant suffices).
RELAY_LOCK_KEY = 0x56495052454C4159 & 0x7FFFFFFFFFFFFFFF


class OutboxRelay:
    def __init__(self, db: Database, settings: CommonSettings, *, name: str) -> None:
        self.db = db
        self.settings = settings
        self.name = name
        self.producer: AIOKafkaProducer | None = None
        self._wake = asyncio.Event()
        self._stopped = False
        self.published = 0
        self.broker_ok = False
        self._known_topics: set[str] = set()
        db.after_commit_hooks.append(self.wake)

    def wake(self) -> None:
        self._wake.set()

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
        """Publish until stopped; never raises on broker trouble."""
        backoff = 0.2
        while not self._stopped:
            try:
                count = await self.publish_pending()
                self.broker_ok = True
                backoff = 0.2
                if count == 0:
                    self._wake.clear()
                    try:
                        await asyncio.wait_for(self._wake.wait(), self.settings.relay_poll_ms / 1000)
                    except TimeoutError:
                        pass
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.broker_ok = False
                log.warning("outbox relay failed; will retry", extra={"error": repr(exc), "retry_in_s": backoff})
                await self._drop_producer()
                self._known_topics.clear()  # a restarted broker may have lost them
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def stop(self) -> None:
        self._stopped = True
        self.wake()
        await self._drop_producer()

    async def publish_pending(self) -> int:
        """Publish one batch of pending rows; returns how many were published."""
        if self.db.is_postgres:
            return await self._publish_postgres()
        return await self._publish_unlocked()

    async def _send(self, rows: Sequence[Any]) -> None:
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
        try:
            futures = [
                await producer.send(
                    row.topic,
                    value=row.payload.encode(),
                    key=row.key.encode(),
                    headers=[CONTENT_TYPE_HEADER, *spans.headers(i)],
                )
                for i, row in enumerate(rows)
            ]
            await asyncio.wait_for(asyncio.gather(*futures), timeout=30)
        except BaseException as exc:
            spans.end(exc)
            raise
        spans.end()

    async def _publish_postgres(self) -> int:
        t = outbox_table
        async with self.db.sessionmaker() as session, session.begin():
            leader = await session.scalar(select(func.pg_try_advisory_xact_lock(RELAY_LOCK_KEY)))
            if not leader:
                return 0  # another replica is publishing this round
            rows = (
                await session.execute(
                    select(t.c.id, t.c.event_id, t.c.topic, t.c.key, t.c.payload)
                    .where(t.c.published_at.is_(None))
                    .order_by(t.c.id)
                    .limit(self.settings.relay_batch)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            await self._send(rows)
            await session.execute(update(t).where(t.c.id.in_([r.id for r in rows])).values(published_at=clock.now()))
        self.published += len(rows)
        return len(rows)

    async def _publish_unlocked(self) -> int:
        t = outbox_table
        async with self.db.sessionmaker() as session:
            rows = (
                await session.execute(
                    select(t.c.id, t.c.event_id, t.c.topic, t.c.key, t.c.payload)
                    .where(t.c.published_at.is_(None))
                    .order_by(t.c.id)
                    .limit(self.settings.relay_batch)
                )
            ).all()
            await session.rollback()
        if not rows:
            return 0
        await self._send(rows)
        async with self.db.sessionmaker() as session, session.begin():
            await session.execute(update(t).where(t.c.id.in_([r.id for r in rows])).values(published_at=clock.now()))
        self.published += len(rows)
        return len(rows)
