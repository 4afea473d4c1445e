"""docs/data-retention.md: each service's daily purge deletes finished rows older than their period,
keeps newer ones, and never deletes what is still needed (unpublished outbox rows, queued
notifications, pending webhook deliveries, unfinished or latest job runs). Both databases, the test
clock as "now", through each service's own runtime (the job the scheduler runs)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert, select

from services.booking.main import MIGRATIONS_DIR as BOOKING_MIGRATIONS
from services.booking.main import create_app as booking_app
from services.booking.models import InboundWebhook, Partner, WebhookAttempt, WebhookDelivery
from services.booking.settings import BookingSettings
from services.notifier.main import MIGRATIONS_DIR as NOTIFIER_MIGRATIONS
from services.notifier.main import create_app as notifier_app
from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.settings import NotifierSettings
from vipkit import clock
from vipkit.app import ServiceRuntime
from vipkit.db import Database, inbox_table, job_runs_table, outbox_table
from vipkit.plumbing import dead_letters_table, durable_jobs_table
from vipkit.retention import PURGE_JOB
from vipkit.testing import app_client

NOW = dt.datetime(2027, 3, 1, 4, 0, tzinfo=clock.SHANGHAI)


def days_ago(n: float) -> dt.datetime:
    return NOW - dt.timedelta(days=n)


async def seed_plumbing(db: Database) -> None:
    """Outbox/inbox/job_runs rows on both sides of the default periods (7, 30, 90 days)."""
    async with db.transaction() as s:
        for name, created, published in (
            ("old-published", days_ago(20), days_ago(19)),
            ("new-published", days_ago(3), days_ago(3)),
            ("old-pending", days_ago(400), None),  # never published: must stay, however old
        ):
            await s.execute(
                insert(outbox_table).values(
                    event_id=name, topic="t", key="k", payload="{}", created_at=created, published_at=published
                )
            )
        for name, at in (("old", days_ago(31)), ("new", days_ago(29))):
            await s.execute(insert(inbox_table).values(consumer="g", event_id=name, topic="t", processed_at=at))
        for job, occurrence, finished in (
            ("daily", "2026-10-01", days_ago(151)),
            ("daily", "2026-10-02", days_ago(150)),
            ("daily", "2027-02-28", days_ago(1)),
            ("stuck", "2026-09-01", None),  # never finished: kept
            ("yearly", "2026-01-01", days_ago(424)),  # the only (newest) run of its job: kept
        ):
            await s.execute(
                insert(job_runs_table).values(
                    job=job, occurrence=occurrence, started_at=days_ago(500), finished_at=finished, result="ok: 1"
                )
            )
        for key, state, finished in (
            ("done-old", "done", days_ago(31)),
            ("done-new", "done", days_ago(29)),
            ("discarded-old", "discarded", days_ago(45)),
            ("dead-old", "dead", days_ago(200)),  # dead: waits for ops, however old
            ("pending-old", "pending", None),  # still to run: kept
        ):
            await s.execute(
                insert(durable_jobs_table).values(
                    kind="k",
                    payload="{}",
                    dedupe_key=key,
                    state=state,
                    attempts=1,
                    run_after=days_ago(300),
                    give_up_at=days_ago(297),
                    retry_seconds=60,
                    created_at=days_ago(300),
                    updated_at=days_ago(300),
                    finished_at=finished,
                )
            )
        for payload, replayed in (("replayed-old", days_ago(31)), ("replayed-new", days_ago(2)), ("waiting", None)):
            await s.execute(
                insert(dead_letters_table).values(
                    consumer="g",
                    topic="t",
                    payload=payload,
                    error="bad",
                    created_at=days_ago(400),
                    replayed_at=replayed,
                )
            )


async def assert_plumbing_purged(db: Database) -> None:
    async with db.sessionmaker() as s:
        assert set((await s.scalars(select(outbox_table.c.event_id))).all()) == {"new-published", "old-pending"}
        assert set((await s.scalars(select(inbox_table.c.event_id))).all()) == {"new"}
        runs = set((await s.execute(select(job_runs_table.c.job, job_runs_table.c.occurrence))).tuples().all())
        assert runs == {("daily", "2027-02-28"), ("stuck", "2026-09-01"), ("yearly", "2026-01-01")}
        jobs = set((await s.scalars(select(durable_jobs_table.c.dedupe_key))).all())
        assert jobs == {"done-new", "dead-old", "pending-old"}
        letters = set((await s.scalars(select(dead_letters_table.c.payload))).all())
        assert letters == {"replayed-new", "waiting"}


async def test_notifier_purges_delivered_notifications_and_keeps_queued_ones(db_kind, db_factory, common_settings):
    url = db_factory.create(db_kind, NOTIFIER_MIGRATIONS)
    common = common_settings.model_copy(update={"kafka_enabled": False})
    app = notifier_app(NotifierSettings(database_url=url, worker_enabled=False), common)
    async with app_client(app):
        runtime: ServiceRuntime = app.state.runtime
        await seed_plumbing(runtime.db)
        async with runtime.db.transaction() as s:
            for ref, status, created, sent in (
                ("sent-old", "sent", days_ago(200), days_ago(181)),
                ("sent-new", "sent", days_ago(200), days_ago(179)),  # created long ago, delivered recently
                ("failed-old", "failed", days_ago(181), None),
                ("queued-old", "queued", days_ago(400), None),  # undelivered: never purged
            ):
                n = Notification(
                    event_id=uuid.uuid4().hex,
                    customer_id="C1",
                    channel="sms",
                    template="t",
                    text="丁华清您好",
                    mobile="13800138000",
                    reference=ref,
                    source_service="probe",
                    status=status,
                    attempt_count=1,
                    created_at=created,
                    sent_at=sent,
                )
                s.add(n)
                await s.flush()
                s.add(
                    DeliveryAttempt(
                        notification_id=n.id,
                        attempt_no=1,
                        attempted_at=created,
                        adapter="sink",
                        outcome="sent" if status == "sent" else "failed",
                    )
                )

        with clock.frozen(NOW):
            deleted = await runtime.purge()

        assert deleted["notifications"] == 2 and deleted["outbox"] == 1 and deleted["inbox"] == 1
        async with runtime.db.sessionmaker() as s:
            kept = set((await s.scalars(select(Notification.reference))).all())
            assert kept == {"sent-new", "queued-old"}
            attempts = (await s.scalars(select(DeliveryAttempt.notification_id))).all()
            ids = set((await s.scalars(select(Notification.id))).all())
            assert len(attempts) == 2 and set(attempts) == ids  # the purged ones' attempts went with them
        await assert_plumbing_purged(runtime.db)

        with clock.frozen(NOW):  # idempotent: a second run deletes nothing more
            assert sum((await runtime.purge()).values()) == 0
        assert runtime.purge_job().name == PURGE_JOB  # what the scheduler runs daily


async def test_booking_purges_finished_webhook_deliveries_and_keeps_pending_ones(db_kind, db_factory, common_settings):
    url = db_factory.create(db_kind, BOOKING_MIGRATIONS)
    common = common_settings.model_copy(update={"kafka_enabled": False})
    app = booking_app(BookingSettings(database_url=url, worker_enabled=False), common)
    async with app_client(app):
        runtime: ServiceRuntime = app.state.runtime
        await seed_plumbing(runtime.db)
        async with runtime.db.transaction() as s:
            s.add(
                Partner(
                    id="P1",
                    name="p",
                    webhook_url="http://127.0.0.1:1/h",
                    secret="whsec_x",
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
            await s.flush()
            for wid, status, created, delivered in (
                ("delivered-old", "delivered", days_ago(100), days_ago(91)),
                ("delivered-new", "delivered", days_ago(100), days_ago(89)),
                ("failed-old", "failed", days_ago(91), None),
                ("pending-old", "pending", days_ago(300), None),  # still being retried: kept
            ):
                s.add(
                    WebhookDelivery(
                        id=wid,
                        partner_id="P1",
                        event_type="booking.requested",
                        payload='{"mobile": "13800138000"}',
                        status=status,
                        attempts=1,
                        created_at=created,
                        delivered_at=delivered,
                    )
                )
                await s.flush()
                s.add(
                    WebhookAttempt(
                        delivery_id=wid, attempt_no=1, started_at=created, duration_ms=5, outcome="delivered"
                    )
                )
            for wid, at in (("in-old", days_ago(31)), ("in-new", days_ago(29))):
                s.add(InboundWebhook(partner_id="P1", webhook_id=wid, event_type="booking.confirmed", received_at=at))

        with clock.frozen(NOW):
            deleted = await runtime.purge()

        assert deleted["webhook_deliveries"] == 2 and deleted["inbound_webhooks"] == 1
        async with runtime.db.sessionmaker() as s:
            assert set((await s.scalars(select(WebhookDelivery.id))).all()) == {"delivered-new", "pending-old"}
            assert set((await s.scalars(select(WebhookAttempt.delivery_id))).all()) == {"delivered-new", "pending-old"}
            assert set((await s.scalars(select(InboundWebhook.webhook_id))).all()) == {"in-new"}
        await assert_plumbing_purged(runtime.db)
        assert runtime.purge_job().name == PURGE_JOB
