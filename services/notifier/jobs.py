"""Notifier background work: delivery jobs (``vipkit.durable``) and the retention rule (no daily job).

Each stored notification has one delivery job, written with it by the consumer. The service's job
runner claims due jobs in batches (``batch_size`` at once, leased: several replicas never deliver
the same notification at once and a crashed runner's claim comes back), sends each through its
channel adapter concurrently and records the attempt. A failed attempt is retried with the
runner's exponential backoff with jitter (``retry_base_seconds`` doubling up to
``retry_max_seconds``) for 24 h; then the job is ``dead`` and the notification ``failed``
(``GET /api/v1/ops/notifier/jobs?state=dead``; ops retry of the job, or of the notification, sends
it again).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from services.notifier import service
from services.notifier.adapters import ChannelAdapter, DeliveryResult, OutgoingMessage
from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.settings import NotifierSettings
from vipkit import durable
from vipkit.db import Database
from vipkit.masking import mask_mobile
from vipkit.retention import Child, PurgeRule
from vipkit.scheduler import DailyJob

log = logging.getLogger("notifier.delivery")

Adapters = Callable[[], Mapping[str, ChannelAdapter]]


class DeliveryFailed(Exception):
    """The attempt failed for a reason that may pass (provider down, busy): the job retries it."""


def daily_jobs() -> list[DailyJob]:
    return []


def retention_rules(settings: NotifierSettings) -> list[PurgeRule]:
    """docs/data-retention.md: a sent or finally failed notification (its text, mobile number and
    attempts) is deleted ``retention_notification_days`` after it was sent (or created, when it
    failed); a queued one is never purged."""
    return [
        PurgeRule(
            Notification.__table__,
            func.coalesce(Notification.sent_at, Notification.created_at),
            settings.retention_notification_days,
            finished=Notification.status.in_(("sent", "failed")),
            children=[Child(DeliveryAttempt.__table__, DeliveryAttempt.notification_id)],
        )
    ]


async def deliver_many(
    db: Database, settings: NotifierSettings, adapters: Mapping[str, ChannelAdapter], ids: list[int]
) -> list[Exception | None]:
    """A round's deliveries: read them with one query, send them concurrently, record every attempt
    in one transaction; one outcome per id (None: sent, or nothing left to send)."""
    messages = await service.load_messages(db, ids)
    sent = await asyncio.gather(*(_send(adapters[m.channel], m) for m in messages.values()))
    results = list(zip(messages.values(), sent, strict=True))
    statuses = await service.record_results(db, settings, results) if results else {}
    errors: dict[int, Exception] = {}
    for message, result in results:
        if result.ok:
            continue
        status = statuses[message.notification_id]
        extra = {
            "notification_id": message.notification_id,
            "adapter": result.adapter,
            "mobile": mask_mobile(message.mobile),
        }
        log.warning("delivery attempt failed", extra={**extra, "error": result.error, "status": status})
        error = result.error or "delivery failed"
        if status != "sent":
            errors[message.notification_id] = (
                durable.PermanentJobError(error) if status == "failed" else DeliveryFailed(error)
            )
    return [errors.get(id_) for id_ in ids]


async def _send(adapter: ChannelAdapter, message: OutgoingMessage) -> DeliveryResult:
    try:
        return await adapter.send(message)
    except Exception as exc:  # an adapter bug is a failed attempt, not a lost notification
        return DeliveryResult(False, adapter.name, "", error=f"{type(exc).__name__}: {exc}"[:500])


async def delivery_dead(session: AsyncSession, payload: dict[str, Any], error: str) -> None:
    await service.give_up(session, int(payload["notification_id"]), error)


def job_kinds(db: Callable[[], Database], settings: NotifierSettings, adapters: Adapters) -> dict[str, durable.JobKind]:
    """The delivery job (a round's jobs delivered together); ``db`` and ``adapters`` are read when
    jobs run (set at start-up)."""

    async def batch(payloads: list[dict[str, Any]]) -> list[Exception | None]:
        return await deliver_many(db(), settings, adapters(), [int(p["notification_id"]) for p in payloads])

    async def handler(payload: dict[str, Any]) -> None:
        [error] = await batch([payload])
        if error is not None:
            raise error

    return {service.DELIVER_JOB: durable.JobKind(handler, delivery_dead, batch_handler=batch)}


def runner_options(settings: NotifierSettings) -> dict[str, Any]:
    """The delivery runner: ``batch_size`` notifications at once, at most ``sends_per_second`` (a
    provider's limit, and the consumer storing the next ones shares the process), the notifier's backoff."""
    return {
        "batch": settings.batch_size,
        "min_round_seconds": settings.batch_size / settings.sends_per_second if settings.sends_per_second else 0.0,
        "base_seconds": settings.retry_base_seconds,
        "cap_seconds": settings.retry_max_seconds,
        "lease_seconds": settings.lease_seconds,
        "poll_seconds": settings.poll_ms / 1000,
    }


def delivery_runner(
    db: Database, settings: NotifierSettings, adapters: Mapping[str, ChannelAdapter], *, test_clock: bool = False
) -> durable.JobRunner:
    """A job runner for the notifier's deliveries (what the service runs; the tests build their own)."""
    kinds = job_kinds(lambda: db, settings, lambda: adapters)
    return durable.JobRunner(db, kinds, name="notifier", test_clock=test_clock, **runner_options(settings))
