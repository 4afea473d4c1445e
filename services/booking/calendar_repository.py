"""Booking's calendar SQL: the ops-maintained schedule (loaded years, one-date overrides) and the
working-day calendar built from it. Functions add/flush; the caller's transaction commits.

Every change (``upsert_override``, ``delete_override``, ``replace_year``) also bumps the one-row
``calendar_version`` in its transaction; ``CalendarCache`` keeps a process's calendar and reads only
that row per use, so a change made through any replica is seen by every replica's next request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking.models import CalendarOverride, CalendarScheduleDay, CalendarVersion, CalendarYear
from vipkit.calendar import Override, WorkingCalendar, YearSchedule
from vipkit.db import rowcount


async def load_calendar(session: AsyncSession) -> WorkingCalendar:
    overrides = {
        row.date: Override(row.working, row.name) for row in (await session.scalars(select(CalendarOverride))).all()
    }
    years = {row.year: row for row in (await session.scalars(select(CalendarYear))).all()}
    days: dict[int, tuple[dict[dt.date, str], dict[dt.date, str]]] = {y: ({}, {}) for y in years}
    for day in (await session.scalars(select(CalendarScheduleDay))).all():
        off, work = days[day.year]
        (work if day.working else off)[day.date] = day.name
    loaded = [YearSchedule(year=y, days_off=off, working_days=work) for y, (off, work) in days.items()]
    return WorkingCalendar(loaded, overrides)


async def calendar_version(session: AsyncSession) -> int:
    return int(await session.scalar(select(CalendarVersion.version).where(CalendarVersion.id == 1)) or 0)


async def bump_version(session: AsyncSession) -> None:
    """In the transaction of a calendar change: every process's cache reloads after it commits."""
    await session.execute(
        update(CalendarVersion).where(CalendarVersion.id == 1).values(version=CalendarVersion.version + 1)
    )


class CalendarCache:
    """One process's working-day calendar, reloaded when ``calendar_version`` has moved.

    The version is read before the calendar (each statement sees the latest commit): a change that
    commits in between is cached under the older version and reloaded on the next use, never the
    reverse. The calendar object is not mutated once built, so requests share it."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.calendar: WorkingCalendar | None = None

    async def get(self, session: AsyncSession) -> WorkingCalendar:
        version = await calendar_version(session)
        if self.calendar is None or version != self.version:
            self.calendar = await load_calendar(session)
            self.version = version
        return self.calendar


async def upsert_override(
    session: AsyncSession, day: dt.date, working: bool, name: str | None, by: str, at: dt.datetime
) -> CalendarOverride:
    row = await session.get(CalendarOverride, day)
    if row is None:
        row = CalendarOverride(date=day, working=working, name=name, updated_by=by, updated_at=at)
        session.add(row)
    else:
        row.working, row.name, row.updated_by, row.updated_at = working, name, by, at
    await session.flush()
    await bump_version(session)
    return row


async def delete_override(session: AsyncSession, day: dt.date) -> bool:
    if rowcount(await session.execute(delete(CalendarOverride).where(CalendarOverride.date == day))) == 0:
        return False
    await bump_version(session)
    return True


async def replace_year(
    session: AsyncSession,
    year: int,
    days_off: Sequence[tuple[dt.date, str]],
    working_days: Sequence[tuple[dt.date, str]],
    source: str | None,
    by: str,
    at: dt.datetime,
) -> CalendarYear:
    await session.execute(delete(CalendarScheduleDay).where(CalendarScheduleDay.year == year))
    row = await session.get(CalendarYear, year)
    if row is None:
        row = CalendarYear(year=year, source=source, loaded_by=by, loaded_at=at)
        session.add(row)
    else:
        row.source, row.loaded_by, row.loaded_at = source, by, at
    await session.flush()
    session.add_all(CalendarScheduleDay(year=year, date=d, working=False, name=n) for d, n in days_off)
    session.add_all(CalendarScheduleDay(year=year, date=d, working=True, name=n) for d, n in working_days)
    await session.flush()
    await bump_version(session)
    return row


async def get_year(session: AsyncSession, year: int) -> tuple[CalendarYear, list[CalendarScheduleDay]] | None:
    row = await session.get(CalendarYear, year)
    if row is None:
        return None
    days = (
        await session.scalars(
            select(CalendarScheduleDay).where(CalendarScheduleDay.year == year).order_by(CalendarScheduleDay.date)
        )
    ).all()
    return row, list(days)
