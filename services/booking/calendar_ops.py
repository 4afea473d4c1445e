"""Ops' working-day calendar beyond storage: publishing it to the other services and the December check.

- Every change ops make (an override, a loaded year) publishes the whole ops-maintained calendar as
  ``calendar.changed.v1`` in the same transaction; revisit builds its phone office hours from it. The
  daily ``calendar_check`` job publishes it again, so a service that missed an event catches up.
- From 1 December next year's official schedule must be loaded (``vipkit.calendar.next_year_missing``):
  the daily check logs a warning line and sets ``vip_calendar_next_year_overdue``; ops see the known
  years on ``GET /api/v1/calendar/years``.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import Topic
from services.booking import calendar_repository
from services.booking.calendar_schemas import CalendarYears
from services.booking.context import BookingContext
from services.booking.events import SOURCE
from vipkit import clock
from vipkit.calendar import WorkingCalendar, calendar_event, next_year_missing, package_schedules
from vipkit.events import add_event
from vipkit.metrics import CALENDAR_NEXT_YEAR_OVERDUE

log = logging.getLogger("booking.calendar")

#: The Kafka key of calendar events (one calendar: its changes stay in order).
CALENDAR_KEY = "calendar"


async def publish_calendar(session: AsyncSession) -> None:
    """``calendar.changed.v1`` with the whole ops-maintained calendar, in the caller's transaction."""
    cal = await calendar_repository.load_calendar(session)
    await add_event(
        session, Topic.calendar_changed.value, calendar_event(cal, clock.now()), key=CALENDAR_KEY, source=SOURCE
    )


def years_view(cal: WorkingCalendar, today: dt.date) -> CalendarYears:
    """The years ops and the package know, and whether next year's schedule is overdue."""
    missing = next_year_missing(today, cal.known_years)
    return CalendarYears(
        package_years=sorted(package_schedules()),
        loaded_years=[y for y, s in cal.schedules.items() if s.source != "package"],
        known_years=cal.known_years,
        next_year=today.year + 1,
        next_year_known=today.year + 1 in cal.known_years,
        warning=(
            f"the official working-day schedule for {missing} is not loaded; load it with "
            f"PUT /api/v1/calendar/years/{missing}"
            if missing
            else None
        ),
    )


async def check_calendar(ctx: BookingContext, today: dt.date) -> CalendarYears:
    """The daily check: publish the calendar again; warn (log line, metric) when next year is overdue."""
    async with ctx.database.transaction() as session:
        cal = await calendar_repository.load_calendar(session)
        await publish_calendar(session)
    view = years_view(cal, today)
    CALENDAR_NEXT_YEAR_OVERDUE.set(1 if view.warning else 0)
    if view.warning:
        log.warning(
            "next year's working-day schedule is not loaded",
            extra={"year": view.next_year, "known_years": view.known_years, "as_of": today.isoformat()},
        )
    return view
