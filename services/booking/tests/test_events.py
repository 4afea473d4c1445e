"""Events leave through the outbox relay to the real broker; the daily reminder job runs once per day."""

from __future__ import annotations

import datetime as dt

from services.booking.main import MIGRATIONS_DIR, create_app
from services.booking.settings import BookingSettings
from services.booking.tests.conftest import Env, make_common_settings, new_customer
from services.booking.tests.entitlements_standin import EntitlementsStandIn
from vipkit.clock import SHANGHAI
from vipkit.scheduler import Scheduler
from vipkit.testing import DatabaseFactory, TopicWatcher, app_client

MON_0928 = "2026-09-28T10:00:00+08:00"


async def test_booking_changed_and_notification_reach_kafka(
    kafka_bootstrap: str, db_factory: DatabaseFactory, standin: EntitlementsStandIn
) -> None:
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    app = create_app(
        BookingSettings(database_url=url, entitlements_url=standin.url, worker_enabled=False),  # type: ignore[attr-defined]
        make_common_settings(kafka_enabled=True, kafka_bootstrap=kafka_bootstrap, relay_poll_ms=20),
    )
    customer = new_customer()
    async with (
        app_client(app) as client,
        TopicWatcher(kafka_bootstrap, "booking.changed.v1", "notification.requested.v1") as watcher,
    ):
        env = Env(client=client, app=app, standin=standin, db_url=url)
        await env.setup()
        booking_id = (await env.book(customer, "2026-10-08", now=MON_0928)).json()["booking_id"]
        assert (await env.partner_webhook("booking.confirmed", booking_id)).status_code == 200
        changed = await watcher.wait("booking.changed.v1", 2, timeout=20, customer_id=customer)
        assert [m["value"]["data"]["to_status"] for m in changed] == ["pending", "confirmed"]
        assert all(m["key"] == customer for m in changed)
        assert changed[0]["value"]["type"] == "com.insurer.vip.booking.changed.v1"
        [note] = await watcher.wait("notification.requested.v1", 1, timeout=20, customer_id=customer)
        assert note["value"]["data"]["template"] == "booking_confirmed"
        assert note["value"]["data"]["source_service"] == "booking"


async def test_daily_reminder_job_runs_once_per_day(env: Env) -> None:
    customer = new_customer()
    booking_id = (await env.book(customer, "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert (await env.partner_webhook("booking.confirmed", booking_id)).status_code == 200
    scheduler = Scheduler(env.db, list(env.app.state.spec.jobs))
    before_nine = dt.datetime(2026, 9, 30, 8, 59, tzinfo=SHANGHAI)
    assert await scheduler.tick(before_nine) == []
    assert await scheduler.tick(dt.datetime(2026, 9, 30, 9, 0, tzinfo=SHANGHAI)) == ["booking_reminders"]
    assert await scheduler.tick(dt.datetime(2026, 9, 30, 15, 0, tzinfo=SHANGHAI)) == []
    reminders = [
        e for e in await env.outbox("notification.requested.v1") if e["data"]["template"] == "booking_reminder"
    ]
    assert [r["data"]["reference"] for r in reminders] == [booking_id]


def test_openapi_document_builds_and_never_exposes_the_partner_secret() -> None:
    app = create_app(BookingSettings(database_url="sqlite:///:memory:"), make_common_settings())
    doc = app.openapi()
    assert "/api/v1/bookings" in doc["paths"] and "/api/v1/partners/{partner_id}/webhooks" in doc["paths"]
    assert "secret" not in doc["components"]["schemas"]["PartnerRead"]["properties"]
