"""Booking scheduled jobs (the same code the ops runs endpoints call)."""

from __future__ import annotations

import datetime as dt

from services.booking import service as svc
from services.booking.context import BookingContext
from vipkit.scheduler import DailyJob


def daily_jobs(ctx: BookingContext) -> list[DailyJob]:
    """The day-before reminders (001), once a day at ``VIP_BOOKING_REMINDER_TIME`` local time."""

    async def reminders(due: dt.datetime) -> object:
        result = await svc.run_reminders(ctx, due.date())
        return result["reminded"]

    return [DailyJob(name="booking_reminders", at=ctx.settings.reminder_time, run=reminders)]
