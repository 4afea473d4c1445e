"""Booking scheduled jobs (the same code the ops runs endpoints call)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func

from services.booking import calendar_ops
from services.booking import service as svc
from services.booking.context import BookingContext
from services.booking.models import InboundWebhook, WebhookAttempt, WebhookDelivery
from services.booking.settings import BookingSettings
from vipkit.retention import Child, PurgeRule
from vipkit.scheduler import DailyJob


def daily_jobs(ctx: BookingContext) -> list[DailyJob]:
    """The day-before reminders (001), once a day at ``VIP_BOOKING_REMINDER_TIME`` local time; the
    calendar check (publish the calendar, warn from 1 December about next year) at ``..._CALENDAR_CHECK_TIME``."""

    async def reminders(due: dt.datetime) -> object:
        result = await svc.run_reminders(ctx, due.date())
        return result.reminded

    async def calendar_check(due: dt.datetime) -> object:
        view = await calendar_ops.check_calendar(ctx, due.date())
        return view.warning or "calendar published"

    return [
        DailyJob(name="booking_reminders", at=ctx.settings.reminder_time, run=reminders),
        DailyJob(name="booking_calendar_check", at=ctx.settings.calendar_check_time, run=calendar_check),
    ]


def retention_rules(settings: BookingSettings) -> list[PurgeRule]:
    """docs/data-retention.md: finished partner webhook deliveries with their attempts, and the ids of
    applied inbound webhooks (kept far beyond the 5-minute replay tolerance)."""
    deliveries = WebhookDelivery.__table__
    return [
        PurgeRule(
            deliveries,
            func.coalesce(WebhookDelivery.delivered_at, WebhookDelivery.created_at),
            settings.retention_webhook_days,
            finished=WebhookDelivery.status.in_(("delivered", "failed")),
            children=[Child(WebhookAttempt.__table__, WebhookAttempt.delivery_id)],
        ),
        PurgeRule(
            InboundWebhook.__table__,
            InboundWebhook.received_at,
            settings.retention_inbound_webhook_days,
        ),
    ]
