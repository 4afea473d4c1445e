"""Prometheus metrics on the default registry (process and GC collectors included).

Every metric the platform exports is declared here, so dashboards and alert rules
(``deploy/observability/``) can be checked against one list (``tests/observability``).

- HTTP: ``http_requests_total`` / ``http_request_duration_seconds`` per service and route; the
  gateway's ``vip_gateway_*`` per route, status and upstream error.
- Business gauges, refreshed from the database when ``/metrics`` is scraped (so every replica
  reports the same shared truth): the outbox backlog, durable jobs, scheduled jobs' last success,
  and each service's own probes (webhook deliveries failing, notifications failed, calendar years).
- Counters of what happened in this process: events written (tier changes by reason, bookings by
  status; counted when their transaction commits), consumer messages by outcome (DLQ included),
  rows purged by the retention jobs.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import weakref
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from vipkit.db import Database, job_runs_table, outbox_table
from vipkit.plumbing import JOB_STATES, dead_letters_table
from vipkit.plumbing import durable_jobs_table as d

log = logging.getLogger("vipkit.metrics")

MetricsProbe = Callable[[AsyncSession], Awaitable[None]]
"""A service's own business gauges: ``probe(session)`` sets them from its database."""

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


def exposition() -> bytes:
    """The text exposition of this process; with several worker processes (the gateway's
    ``--workers N`` sets ``PROMETHEUS_MULTIPROC_DIR``), of all of them together."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


# --- HTTP ----------------------------------------------------------------------------------------
HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests served", ["service", "method", "route", "status"])
HTTP_LATENCY = Histogram(
    "http_request_duration_seconds", "HTTP request latency", ["service", "method", "route"], buckets=LATENCY_BUCKETS
)
GATEWAY_REQUESTS = Counter(
    "vip_gateway_requests_total", "Requests through the gateway", ["route", "method", "status", "upstream"]
)
GATEWAY_LATENCY = Histogram(
    "vip_gateway_request_duration_seconds", "Gateway request latency per route", ["route"], buckets=LATENCY_BUCKETS
)
GATEWAY_UPSTREAM_ERRORS = Counter(
    "vip_gateway_upstream_errors_total",
    "Upstream failures seen by the gateway (kind: connect, timeout, payload_too_large)",
    ["upstream", "kind"],
)

# --- events and the outbox -------------------------------------------------------------------------
EVENTS_WRITTEN = Counter("vip_events_written_total", "Events committed to the outbox", ["topic"])
TIER_CHANGES = Counter("vip_tier_changes_total", "Tier changes committed", ["program", "reason", "to_tier"])
BOOKINGS = Counter("vip_bookings_total", "Booking status changes committed (by outcome)", ["status"])
OUTBOX_PENDING = Gauge("vip_outbox_pending", "Outbox rows not yet published", ["service"])
OUTBOX_PARKED = Gauge("vip_outbox_parked", "Outbox rows the relay gave up on (need ops)", ["service"])
OUTBOX_OLDEST_AGE = Gauge(
    "vip_outbox_oldest_pending_age_seconds", "Age of the oldest unpublished outbox row (0 when none)", ["service"]
)
CONSUMER_LAG = Gauge(
    "vip_consumer_lag", "Messages behind the partition end, per group and partition", ["group", "topic", "partition"]
)
DURABLE_JOBS = Gauge("vip_durable_jobs", "Durable jobs by state (pending, dead)", ["service", "state"])
DEAD_LETTERS = Gauge("vip_dead_letters", "Dead-lettered messages not yet replayed", ["service"])
JOB_LAST_SUCCESS = Gauge(
    "vip_job_last_success_timestamp_seconds", "When each scheduled job last succeeded (Unix time)", ["service", "job"]
)
JOB_LAST_SUCCESS_AGE = Gauge(
    "vip_job_last_success_age_seconds", "Seconds since each scheduled job last succeeded", ["service", "job"]
)
PURGED_ROWS = Counter("vip_retention_purged_rows_total", "Rows deleted by the retention jobs", ["service", "table"])

# --- service probes ----------------------------------------------------------------------------------
WEBHOOK_DELIVERIES = Gauge(
    "vip_webhook_deliveries", "Partner webhook deliveries by state (pending, failing, failed)", ["state"]
)
NOTIFICATIONS = Gauge("vip_notifications", "Notifications by status (queued, sent, failed)", ["channel", "status"])
CALENDAR_YEAR_KNOWN = Gauge(
    "vip_calendar_year_known", "1 when the official working-day schedule of the year is known", ["year"]
)
CALENDAR_NEXT_YEAR_KNOWN = Gauge(
    "vip_calendar_next_year_known", "1 when next year's official schedule is known (load it each November)"
)
CALENDAR_NEXT_YEAR_OVERDUE = Gauge(
    "vip_calendar_next_year_overdue",
    "1 from 1 December while next year's official working-day schedule is not loaded (alert on it)",
)


# --- counting events when their transaction commits -------------------------------------------------
_EVENT_COUNTS = "vip_event_counts"


def count_event(session: AsyncSession, topic: str, data: Mapping[str, Any], n: int = 1) -> None:
    """Remember ``n`` outbox events' labels; counted only if the session's transaction commits."""
    if topic == "tier.changed.v1":
        labels: tuple[str, ...] = (topic, str(data.get("program")), str(data.get("reason")), str(data.get("to_tier")))
    elif topic == "booking.changed.v1":
        labels = (topic, str(data.get("to_status")))
    else:
        labels = (topic,)
    counts: dict[tuple[str, ...], int] = session.info.setdefault(_EVENT_COUNTS, {})
    counts[labels] = counts.get(labels, 0) + n


@sa_event.listens_for(Session, "after_commit")
def _count_committed(session: Session) -> None:
    for labels, n in session.info.pop(_EVENT_COUNTS, {}).items():
        EVENTS_WRITTEN.labels(labels[0]).inc(n)
        if labels[0] == "tier.changed.v1":
            TIER_CHANGES.labels(*labels[1:]).inc(n)
        elif labels[0] == "booking.changed.v1":
            BOOKINGS.labels(*labels[1:]).inc(n)


@sa_event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_EVENT_COUNTS, None)


# --- consumer runners: counters read from the live runners -----------------------------------------
class ConsumerCollector(Collector):
    """``vip_consumer_messages_total{group,outcome}`` and ``vip_dlq_messages_total{group}``."""

    def __init__(self) -> None:
        self.runners: weakref.WeakSet[Any] = weakref.WeakSet()

    def collect(self) -> Iterable[Metric]:
        messages = CounterMetricFamily(
            "vip_consumer_messages", "Messages handled by consumer groups", labels=["group", "outcome"]
        )
        dlq = CounterMetricFamily("vip_dlq_messages", "Messages sent to a dead-letter topic", labels=["group"])
        for runner in list(self.runners):
            messages.add_metric([runner.group_id, "processed"], runner.processed)
            messages.add_metric([runner.group_id, "duplicate"], runner.duplicates)
            messages.add_metric([runner.group_id, "dead"], runner.dead)
            dlq.add_metric([runner.group_id], runner.dead)
        yield messages
        yield dlq

    def describe(self) -> Iterable[Metric]:
        return []


CONSUMERS = ConsumerCollector()
with contextlib.suppress(ValueError):  # re-import in tests
    REGISTRY.register(CONSUMERS)


async def refresh_consumer_lag(runners: Iterable[Any]) -> None:
    """Lag = partition end (high watermark of the last fetch) minus this group's position."""
    for runner in runners:
        consumer = runner.consumer
        if consumer is None:
            continue
        for tp in consumer.assignment():
            high = consumer.highwater(tp)
            if high is None:
                continue
            try:
                position = await asyncio.wait_for(consumer.position(tp), 1.0)
            except Exception:
                continue
            CONSUMER_LAG.labels(runner.group_id, tp.topic, str(tp.partition)).set(max(high - position, 0))


# --- the shared plumbing tables ------------------------------------------------------------------------
def _age_seconds(then: dt.datetime | None, now: dt.datetime) -> float:
    if then is None:
        return 0.0
    if then.tzinfo is None:
        then = then.replace(tzinfo=dt.UTC)
    return max((now - then).total_seconds(), 0.0)


async def refresh_plumbing(service: str, session: AsyncSession) -> None:
    now = dt.datetime.now(dt.UTC)
    t = outbox_table
    pending: Any = t.c.published_at.is_(None)
    parked_col = t.c.get("parked_at")
    if parked_col is not None:
        OUTBOX_PARKED.labels(service).set(
            await session.scalar(select(func.count()).where(pending, parked_col.is_not(None))) or 0
        )
        pending = pending & parked_col.is_(None)
    else:
        OUTBOX_PARKED.labels(service).set(0)
    count, oldest = (await session.execute(select(func.count(), func.min(t.c.created_at)).where(pending))).one()
    OUTBOX_PENDING.labels(service).set(count or 0)
    OUTBOX_OLDEST_AGE.labels(service).set(_age_seconds(oldest, now))
    for state in JOB_STATES:
        DURABLE_JOBS.labels(service, state).set(0)
    for state, n in (await session.execute(select(d.c.state, func.count()).group_by(d.c.state))).all():
        DURABLE_JOBS.labels(service, state).set(n)
    DEAD_LETTERS.labels(service).set(
        await session.scalar(select(func.count()).where(dead_letters_table.c.replayed_at.is_(None))) or 0
    )
    j = job_runs_table
    rows = await session.execute(
        select(j.c.job, func.max(j.c.finished_at)).where(j.c.result.like("ok%")).group_by(j.c.job)
    )
    for job, finished in rows:
        if finished is None:
            continue
        if finished.tzinfo is None:
            finished = finished.replace(tzinfo=dt.UTC)
        JOB_LAST_SUCCESS.labels(service, job).set(finished.timestamp())
        JOB_LAST_SUCCESS_AGE.labels(service, job).set(_age_seconds(finished, now))


async def refresh_business_metrics(
    service: str, db: Database, probes: Iterable[MetricsProbe], runners: Iterable[Any] = ()
) -> None:
    """Set every business gauge of one service from its database (called by ``/metrics``)."""
    try:
        async with db.sessionmaker() as session:
            await refresh_plumbing(service, session)
            for probe in probes:
                await probe(session)
            await session.rollback()
    except Exception as exc:  # a scrape must still answer with what it has
        log.warning("business metrics refresh failed", extra={"error": repr(exc)})
    await refresh_consumer_lag(runners)
