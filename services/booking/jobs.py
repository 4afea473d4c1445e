"""Booking scheduled jobs (the same code the ops runs endpoints call) and its durable jobs.

Durable jobs (``vipkit.durable``, run by the service's job runner): the ledger effects
(``ledger.py``), the partner webhooks (``webhooks_out.py``), and two recurring ones, each run by one
replica at a time: the attempt sweeper (every ``sweeper_interval_seconds``) and the comparison of
booking's units with entitlements' reservations (every ``reconcile_interval_seconds``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func

from services.booking import calendar_ops, ledger, webhooks_out
from services.booking import service as svc
from services.booking.attempts import sweep_attempts
from services.booking.context import BookingContext
from services.booking.models import InboundWebhook, WebhookAttempt, WebhookDelivery
from services.booking.reconcile import compare_reservations
from services.booking.settings import BookingSettings
from vipkit import durable
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


SWEEP_JOB = "booking.sweep_attempts"
COMPARE_JOB = "booking.compare_reservations"


def job_kinds(ctx: BookingContext) -> dict[str, durable.JobKind]:
    """Every durable job kind of booking; without ``worker_enabled`` this replica runs only the ledger's."""
    settings = ctx.settings

    async def sweep(_payload: dict[str, Any]) -> None:
        await sweep_attempts(ctx)

    async def compare(_payload: dict[str, Any]) -> None:
        await compare_reservations(ctx)

    kinds = ledger.job_kinds(ctx)
    if settings.worker_enabled:
        kinds |= webhooks_out.job_kinds(ctx)
        kinds[SWEEP_JOB] = durable.JobKind(sweep, every_seconds=settings.sweeper_interval_seconds)
        kinds[COMPARE_JOB] = durable.JobKind(compare, every_seconds=settings.reconcile_interval_seconds)
    return kinds


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
