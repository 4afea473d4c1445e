"""calendar_repository.py: revisit's stored copy of booking's working-day calendar, newest wins
(SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from contracts.events import CalendarChangedV1, CalendarOverrideV1
from services.revisit.calendar_repository import load_calendar, save_calendar
from services.revisit.models import WorkingCalendarRow
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at
from vipkit import clock

D = dt.date.fromisoformat
WEDNESDAY = D("2026-05-13")


def calendar(changed_at: str, *, working: bool | None = None) -> CalendarChangedV1:
    overrides = [] if working is None else [CalendarOverrideV1(date=WEDNESDAY, working=working, name="台风停工")]
    return CalendarChangedV1(changed_at=at(changed_at), years=[], overrides=overrides)


async def save(h: RevisitHarness, data: CalendarChangedV1, received: str = "2026-05-12 12:00:00") -> bool:
    with clock.frozen(at(received)):
        async with h.db.sessionmaker() as session, session.begin():
            return await save_calendar(session, data)


async def working_on_wednesday(h: RevisitHarness) -> bool:
    async with h.db.sessionmaker() as session:
        return (await load_calendar(session)).is_working_day(WEDNESDAY)


async def test_without_a_stored_calendar_the_package_calendar_is_used(harness: RevisitHarness) -> None:
    assert await working_on_wednesday(harness) is True  # an ordinary Wednesday


async def test_newest_calendar_wins_and_an_older_one_changes_nothing(harness: RevisitHarness) -> None:
    assert await save(harness, calendar("2026-05-12 08:00:00", working=False)) is True
    assert await working_on_wednesday(harness) is False
    assert await save(harness, calendar("2026-05-11 08:00:00")) is False  # late and older
    assert await working_on_wednesday(harness) is False
    assert await save(harness, calendar("2026-05-12 08:00:00"), received="2026-05-12 13:00:00") is True  # same time
    assert await working_on_wednesday(harness) is True
    async with harness.db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(WorkingCalendarRow)) == 1
        row = await session.get(WorkingCalendarRow, 1)
    assert row is not None and row.received_at == at("2026-05-12 13:00:00")
    assert row.changed_at == at("2026-05-12 08:00:00")
