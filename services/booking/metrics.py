"""Booking's business gauges for ``/metrics`` (vipkit.metrics): partner webhook deliveries by state
and the working-day calendar's known years (the alert for next year's missing schedule)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking.models import CalendarYear, WebhookDelivery
from vipkit import clock
from vipkit.calendar import next_year_missing, package_schedules
from vipkit.metrics import CALENDAR_NEXT_YEAR_KNOWN, CALENDAR_NEXT_YEAR_OVERDUE, CALENDAR_YEAR_KNOWN, WEBHOOK_DELIVERIES

DELIVERY_STATES = ("pending", "failing", "failed")


async def probe(session: AsyncSession) -> None:
    state = case(
        (WebhookDelivery.status == "failed", "failed"),
        (WebhookDelivery.attempts > 0, "failing"),  # pending after at least one failed attempt
        else_="pending",
    )
    counts: dict[str, int] = dict(
        (
            await session.execute(
                select(state, func.count()).where(WebhookDelivery.status != "delivered").group_by(state)
            )
        ).all()
    )
    for name in DELIVERY_STATES:
        WEBHOOK_DELIVERIES.labels(name).set(counts.get(name, 0))

    years = set(package_schedules()) | set((await session.scalars(select(CalendarYear.year))).all())
    this_year = dt.datetime.now(clock.SHANGHAI).year  # the real date: alerts are about the real calendar
    for year in years:
        if year >= this_year - 1:
            CALENDAR_YEAR_KNOWN.labels(str(year)).set(1)
    CALENDAR_NEXT_YEAR_KNOWN.set(1 if this_year + 1 in years else 0)
    real_today = dt.datetime.now(clock.SHANGHAI).date()
    CALENDAR_NEXT_YEAR_OVERDUE.set(1 if next_year_missing(real_today, years) else 0)
