"""Consumers in batches: many events applied in one transaction.

Each batch of ``vipkit.consumer_partitions`` (its partitions' messages, each partition's in offset
order) goes to ``process_messages``:

- they are cut into batches of ``kafka_batch_size`` (settings; 1 = one transaction per event);
- a batch is applied in **one transaction**: its inbox rows are inserted together (``INSERT ... ON
  CONFLICT DO NOTHING RETURNING``: the events already in the inbox, and a second copy inside the
  batch, are duplicates and have no effect), then the handler runs for each fresh event in offset
  order, so one customer's events (one key, one partition) keep their order;
- when anything in a batch fails (a handler error, an unparseable message, a database error) the
  whole transaction rolls back and the batch's messages go through ``ConsumerRunner.process`` one by
  one, with its retry and dead-letter handling: batching never changes what happens to a bad event;
- the caller commits the partition's offset only after its batches have committed.

One customer's events share a key, so a partition: they keep their order.

``kafka_batch_linger_ms`` (settings, default 0): when fewer messages wait than a batch holds, the
consumer waits that long once before taking them, to fill the batch (fewer, larger transactions
under load; adds up to that much latency).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any, Protocol, TypeAlias

from aiokafka import ConsumerRecord
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CloudEvent
from vipkit import clock
from vipkit.db import Database, inbox_table
from vipkit.db_bulk import insert_ignore_many
from vipkit.events import parse_event
from vipkit.settings import CommonSettings
from vipkit.tracing import consume_span

log = logging.getLogger("vipkit.consumer")

#: A batch's statements planned for the tables as they are (PostgreSQL, this transaction only): the
#: prepared statements of a batch (``= ANY(array)`` reads, ``unnest`` inserts) are cached per pooled
#: connection, and the generic plan PostgreSQL switches to after five runs was made for the tables as
#: they were then. A service whose tables were small (a fresh deployment, a first load) kept scanning
#: them whole as they grew: entitlements' read of 200 customers' grants went from 10 ms to 2 s per
#: batch during a burst of 5,000 tier changes (autovacuum's ANALYZE, which would invalidate the plan,
#: comes a minute or more later, or never on a busy table). A custom plan costs < 0.1 ms per statement.
CUSTOM_PLANS = text("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")

Record: TypeAlias = ConsumerRecord[Any, Any]


class Runner(Protocol):
    """What of ``ConsumerRunner`` a batch needs (kept narrow so both modules evolve apart)."""

    db: Database
    settings: CommonSettings
    group_id: str
    processed: int
    duplicates: int
    spec: Any  # ConsumerSpec: ``spec.handler(session, event, topic)``

    async def process(self, topic: str, raw: bytes | None, record: Record | None = None) -> Any: ...


async def insert_inbox_rows(session: AsyncSession, group_id: str, items: Sequence[tuple[str, CloudEvent]]) -> set[str]:
    """Insert the inbox rows of ``(topic, event)`` items together; returns the ids that were new."""
    rows = []
    for topic, event in items:
        with clock.frozen(event.testnow if session.info.get("test_clock") else None):
            rows.append({"consumer": group_id, "event_id": event.id, "topic": topic, "processed_at": clock.now()})
    # one statement whatever the batch size (vipkit.db_bulk), prepared once per connection
    return {row.event_id for row in await insert_ignore_many(session, inbox_table, rows, ["event_id"])}


async def apply_batch(runner: Runner, items: Sequence[tuple[Record, CloudEvent]]) -> tuple[int, int]:
    """Apply a batch in one transaction (see the module docstring); (processed, duplicates)."""
    duplicates = 0
    fresh_items: list[tuple[Record, CloudEvent]] = []
    async with runner.db.transaction() as session:
        session.info["test_clock"] = runner.settings.test_clock
        if runner.db.is_postgres:
            await session.execute(CUSTOM_PLANS)
        fresh = await insert_inbox_rows(session, runner.group_id, [(r.topic, e) for r, e in items])
        for record, event in items:
            if event.id not in fresh:
                duplicates += 1
                continue
            fresh.discard(event.id)  # a second copy later in the batch is a duplicate
            fresh_items.append((record, event))
        if runner.spec.batch_handler is not None:
            await _apply_set_wise(runner, session, fresh_items)
        else:
            for record, event in fresh_items:
                with _event_context(runner, record, event):
                    await runner.spec.handler(session, event, record.topic)
    return len(fresh_items), duplicates


def _event_context(runner: Runner, record: Record, event: CloudEvent) -> contextlib.ExitStack:
    """The consume span and (test clock) the event's frozen time, around its effect."""
    stack = contextlib.ExitStack()
    stack.enter_context(consume_span(runner.group_id, record.topic, event, record.headers))
    stack.enter_context(clock.frozen(event.testnow if runner.settings.test_clock else None))
    return stack


async def _apply_set_wise(runner: Runner, session: AsyncSession, items: list[tuple[Record, CloudEvent]]) -> None:
    """The spec's batch handler over runs of events that share their test clock (one run without
    it), each traced as the span of its first event."""
    start = 0
    while start < len(items):
        end = start + 1
        if runner.settings.test_clock:
            while end < len(items) and items[end][1].testnow == items[start][1].testnow:
                end += 1
        else:
            end = len(items)
        record, event = items[start]
        with _event_context(runner, record, event):
            await runner.spec.batch_handler(session, [(e, r.topic) for r, e in items[start:end]])
        start = end


async def process_messages(runner: Runner, messages: Sequence[Record]) -> None:
    """Apply fetched messages (each partition's in offset order), in order, batch by batch."""
    size = max(1, runner.settings.kafka_batch_size)
    for start in range(0, len(messages), size):
        chunk = messages[start : start + size]
        items: list[tuple[Record, CloudEvent]] = []
        if len(chunk) > 1:
            try:
                items = [(m, parse_event(m.value or b"")) for m in chunk]
            except ValueError:
                items = []  # an unparseable message: the one-by-one path dead-letters it
        if items:
            try:
                processed, duplicates = await apply_batch(runner, items)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info(
                    "batch rolled back; applying its messages one by one",
                    extra={"group": runner.group_id, "size": len(chunk), "error": repr(exc)},
                )
            else:
                runner.processed += processed
                runner.duplicates += duplicates
                continue
        for m in chunk:
            await runner.process(m.topic, m.value, m)
