"""Notifier background work: the delivery worker (no daily jobs).

The worker polls for due ``queued`` notifications, claims a batch (a lease, so several replicas
never deliver the same notification at once and a crashed worker's claim comes back), sends each
through its channel adapter concurrently, and records every attempt. Failures are retried with
exponential backoff (capped at ``retry_max_seconds``) for ``retry_for_hours`` (24 h) after the first
attempt, then the notification is ``failed`` (ops can retry it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy import func

from services.notifier import service
from services.notifier.adapters import ChannelAdapter, DeliveryResult, OutgoingMessage
from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.settings import NotifierSettings
from vipkit.db import Database
from vipkit.masking import mask_mobile
from vipkit.retention import Child, PurgeRule
from vipkit.scheduler import DailyJob

log = logging.getLogger("notifier.worker")


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


class DeliveryWorker:
    def __init__(self, db: Database, settings: NotifierSettings, adapters: dict[str, ChannelAdapter]) -> None:
        self.db = db
        self.settings = settings
        self.adapters = adapters
        self._stopped = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.delivered = 0
        self.failed_attempts = 0

    async def run_once(self) -> int:
        """One round: claim due notifications, deliver them, record the attempts; returns how many."""
        messages = await service.claim_due(self.db, self.settings)
        if messages:
            await asyncio.gather(*(self._deliver(m) for m in messages))
        return len(messages)

    async def _deliver(self, message: OutgoingMessage) -> None:
        adapter = self.adapters[message.channel]
        try:
            result = await adapter.send(message)
        except Exception as exc:  # an adapter bug is a failed attempt, not a lost notification
            result = DeliveryResult(False, adapter.name, "", error=f"{type(exc).__name__}: {exc}"[:500])
        status = await service.record_result(self.db, self.settings, message, result)
        if result.ok:
            self.delivered += 1
        else:
            self.failed_attempts += 1
            log.warning(
                "delivery attempt failed",
                extra={
                    "notification_id": message.notification_id,
                    "adapter": result.adapter,
                    "mobile": mask_mobile(message.mobile),
                    "error": result.error,
                    "status": status,
                },
            )

    async def run(self) -> None:
        """Deliver until stopped; database trouble is logged and retried, never fatal."""
        backoff = self.settings.poll_ms / 1000
        while not self._stopped.is_set():
            try:
                count = await self.run_once()
                backoff = self.settings.poll_ms / 1000
            except asyncio.CancelledError:
                raise
            except Exception:  # database trouble: log, back off, go on
                log.exception("delivery round failed; retrying")
                count = 0
                backoff = min(backoff * 2, 5.0)
            if count == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopped.wait(), backoff)

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="notifier-delivery-worker")

    async def stop(self) -> None:
        """Finish the round in progress (its attempts get recorded), then stop."""
        self._stopped.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, self.settings.http_timeout_seconds + 5)
            except TimeoutError:
                pass  # the task was cancelled; its claims expire and are retried
            self._task = None
