"""jobs.py: the notifier has no daily job, its retention rule purges finished notifications with their
attempts, and the delivery worker loop survives database trouble and stops cleanly."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select

from services.notifier import jobs
from services.notifier import repository as repo
from services.notifier.adapters import SinkAdapter
from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.tests.conftest import (
    NOTIFIED_AT,
    DeliveryWorker,
    new_customer,
    notification_row,
    notifier_settings,
)
from vipkit.db import Database
from vipkit.retention import purge_rule
from vipkit.testing import wait_for


def test_the_notifier_has_no_daily_job() -> None:
    assert jobs.daily_jobs() == []


async def test_retention_purges_finished_old_notifications_with_their_attempts_only(db: Database, db_url: str) -> None:
    settings = notifier_settings(db_url)
    days = settings.retention_notification_days
    now = NOTIFIED_AT + dt.timedelta(days=days + 1)
    recent = now - dt.timedelta(days=days - 1)
    customer = new_customer()
    rows = {
        "sent_old": notification_row(customer, status="sent", sent_at=NOTIFIED_AT),
        "failed_old": notification_row(customer, status="failed"),  # aged by created_at
        "queued_old": notification_row(customer),  # never purged while queued
        "sent_recently": notification_row(customer, status="sent", sent_at=recent),  # aged by sent_at: kept
    }
    async with db.sessionmaker() as session, session.begin():
        for name, values in rows.items():
            await repo.insert_notification(session, {**values, "reference": name})
        for notification in await repo.search(
            session, customer_id=customer, channel=None, template=None, status=None, reference=None,
            before_id=None, limit=10,
        ):  # fmt: skip
            repo.add_attempt(
                session,
                DeliveryAttempt(
                    notification_id=notification.id, attempt_no=1, attempted_at=NOTIFIED_AT,
                    adapter="sink-sms", outcome="failed",
                ),
            )  # fmt: skip
    (rule,) = jobs.retention_rules(settings)
    assert await purge_rule(db, rule, now) == 2
    async with db.sessionmaker() as session:
        left = set((await session.execute(select(Notification.reference))).scalars())
        attempts = await session.scalar(select(func.count()).select_from(DeliveryAttempt))
    assert left == {"queued_old", "sent_recently"}
    assert attempts == 2


async def test_worker_loop_logs_database_trouble_backs_off_and_stops(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="vipkit.durable")
    broken = Database(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/notifier.db")  # cannot be opened
    settings = notifier_settings("sqlite+aiosqlite://", poll_ms=10)
    worker = DeliveryWorker(broken, settings, {"sms": SinkAdapter("sms"), "wechat": SinkAdapter("wechat")})
    try:
        worker.start()
        await wait_for(
            lambda: sum(r.getMessage() == "durable job round failed; retrying" for r in caplog.records) >= 2,
            timeout=10,
        )
        await asyncio.wait_for(worker.stop(), 5)
    finally:
        await broken.dispose()
    assert (worker.delivered, worker.failed_attempts) == (0, 0)
    await worker.stop()  # stopping twice is harmless
