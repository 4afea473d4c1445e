"""jobs.py: booking's daily jobs (reminders, calendar check) and its retention rules (finished partner
webhook deliveries with their attempts, applied inbound webhook ids), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from services.booking import jobs
from services.booking.models import InboundWebhook, WebhookAttempt, WebhookDelivery
from services.booking.tests.conftest import Env, new_customer
from vipkit.retention import purge_rule

NOW = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)
OLD = NOW - dt.timedelta(days=91)
RECENT = NOW - dt.timedelta(days=89)


def delivery(delivery_id: str, status: str, created: dt.datetime, delivered: dt.datetime | None) -> WebhookDelivery:
    return WebhookDelivery(
        id=delivery_id,
        partner_id="P1",
        booking_id="BK1",
        event_type="booking.requested",
        payload="{}",
        status=status,
        attempts=1,
        created_at=created,
        delivered_at=delivered,
    )


def attempt(delivery_id: str) -> WebhookAttempt:
    return WebhookAttempt(delivery_id=delivery_id, attempt_no=1, started_at=OLD, duration_ms=5, outcome="failed")


async def test_daily_jobs_are_the_reminders_and_the_calendar_check(env: Env) -> None:
    ctx = env.app.state.booking
    found = {job.name: job for job in jobs.daily_jobs(ctx)}
    assert set(found) == {"booking_reminders", "booking_calendar_check"}
    assert found["booking_reminders"].at == ctx.settings.reminder_time
    assert found["booking_calendar_check"].at == ctx.settings.calendar_check_time
    assert await found["booking_reminders"].run(NOW) == 0  # no booking tomorrow: nobody reminded
    assert await found["booking_calendar_check"].run(NOW) == "calendar published"
    warning = await found["booking_calendar_check"].run(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC))
    assert isinstance(warning, str) and "2027" in warning
    assert len(await env.outbox("calendar.changed.v1")) == 2  # each check publishes the calendar


async def test_retention_purges_finished_old_deliveries_with_their_attempts_only(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                delivery("msg_old_delivered", "delivered", OLD - dt.timedelta(days=1), OLD),
                delivery("msg_old_failed", "failed", OLD, None),
                delivery("msg_old_pending", "pending", OLD, None),  # not finished: kept
                delivery("msg_recently_delivered", "delivered", OLD, RECENT),  # aged by delivered_at: kept
            ]
        )
        await session.flush()
        session.add_all([attempt("msg_old_delivered"), attempt("msg_old_failed"), attempt("msg_old_pending")])
    rules = {rule.name: rule for rule in jobs.retention_rules(env.app.state.booking.settings)}
    assert set(rules) == {"webhook_deliveries", "inbound_webhooks"}
    assert await purge_rule(env.db, rules["webhook_deliveries"], NOW) == 2
    left = await env.scalar("SELECT COUNT(*) FROM webhook_deliveries WHERE id LIKE 'msg_old_%'")
    assert left == 1
    assert await env.scalar("SELECT COUNT(*) FROM webhook_deliveries") == 2
    assert await env.scalar("SELECT COUNT(*) FROM webhook_attempts") == 1  # the pending one's attempt


async def test_retention_purges_inbound_webhook_ids_after_their_own_period(env: Env) -> None:
    settings = env.app.state.booking.settings
    days = settings.retention_inbound_webhook_days
    async with env.db.transaction() as session:
        for webhook_id, age in (("wh_old", days + 1), ("wh_new", days - 1)):
            session.add(
                InboundWebhook(
                    partner_id="P1",
                    webhook_id=webhook_id,
                    event_type="booking.confirmed",
                    booking_id="BK1",
                    received_at=NOW - dt.timedelta(days=age),
                )
            )
    (rule,) = [r for r in jobs.retention_rules(settings) if r.name == "inbound_webhooks"]
    assert await purge_rule(env.db, rule, NOW) == 1
    assert await env.scalar("SELECT webhook_id FROM inbound_webhooks") == "wh_new"


async def test_the_reminder_job_reminds_a_confirmed_booking_on_the_previous_working_day_once(env: Env) -> None:
    booked = await env.book(new_customer(), "2026-10-08", now="2026-09-28T10:00:00+08:00")
    assert booked.status_code == 201, booked.text
    confirmed = await env.partner_webhook("booking.confirmed", booked.json()["booking_id"])
    assert confirmed.status_code == 200, confirmed.text
    (reminders,) = [job for job in jobs.daily_jobs(env.app.state.booking) if job.name == "booking_reminders"]
    assert await reminders.run(dt.datetime(2026, 9, 29, 1, 0, tzinfo=dt.UTC)) == 0  # not yet
    # Wed 09-30 is the working day before Thu 10-08 (the National Day break lies between)
    assert await reminders.run(dt.datetime(2026, 9, 30, 1, 0, tzinfo=dt.UTC)) == 1
    assert await reminders.run(dt.datetime(2026, 9, 30, 1, 5, tzinfo=dt.UTC)) == 0  # a rerun sends nothing
