"""calendar_repository.py: the ops-maintained schedule (loaded years, one-date overrides) written and
read back as a working-day calendar, on a migrated SQLite and PostgreSQL database."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest

from services.booking import calendar_repository as repo
from services.booking.main import MIGRATIONS_DIR
from vipkit.calendar import CalendarUnknown
from vipkit.db import Database
from vipkit.testing import DatabaseFactory

AT = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
NEW_YEAR = dt.date(2027, 1, 1)
MAKE_UP_SATURDAY = dt.date(2027, 2, 20)


@pytest.fixture
async def db(db_kind: str, db_factory: DatabaseFactory) -> AsyncIterator[Database]:
    url = db_factory.create(db_kind, MIGRATIONS_DIR)
    database = Database(url)
    yield database
    await database.dispose()
    db_factory.drop(url)


async def load_2027(db: Database, source: str = "国务院办公厅通知", by: str = "ops-1") -> None:
    async with db.transaction() as session:
        await repo.replace_year(session, 2027, [(NEW_YEAR, "元旦")], [(MAKE_UP_SATURDAY, "调休上班")], source, by, AT)


async def test_a_loaded_year_makes_its_dates_known_with_their_names(db: Database) -> None:
    async with db.transaction() as session:
        with pytest.raises(CalendarUnknown):
            (await repo.load_calendar(session)).day(NEW_YEAR)
    await load_2027(db)
    async with db.transaction() as session:
        cal = await repo.load_calendar(session)
    assert 2027 in cal.known_years
    new_year, saturday = cal.day(NEW_YEAR), cal.day(MAKE_UP_SATURDAY)
    assert (new_year.working, new_year.holiday, new_year.name, new_year.source) == (False, True, "元旦", "schedule")
    assert (saturday.working, saturday.name, saturday.source) == (True, "调休上班", "schedule")
    assert cal.day(dt.date(2027, 2, 22)).source == "weekday" and cal.is_working_day(dt.date(2027, 2, 22))


async def test_replacing_a_year_drops_its_old_days_and_keeps_one_year_row(db: Database) -> None:
    await load_2027(db)
    async with db.transaction() as session:
        row = await repo.replace_year(
            session, 2027, [(dt.date(2027, 5, 3), "劳动节")], [], "更正通知", "ops-2", AT + dt.timedelta(days=1)
        )
        assert (row.source, row.loaded_by) == ("更正通知", "ops-2")
    async with db.transaction() as session:
        found = await repo.get_year(session, 2027)
        cal = await repo.load_calendar(session)
    assert found is not None
    year, days = found
    assert year.loaded_by == "ops-2" and year.source == "更正通知"
    assert [(d.date, d.working, d.name) for d in days] == [(dt.date(2027, 5, 3), False, "劳动节")]
    assert cal.is_working_day(NEW_YEAR) and not cal.is_working_day(MAKE_UP_SATURDAY)  # old entries are gone


async def test_get_year_orders_days_and_is_none_for_a_year_never_loaded(db: Database) -> None:
    async with db.transaction() as session:
        assert await repo.get_year(session, 2027) is None
        await repo.replace_year(
            session,
            2027,
            [(dt.date(2027, 10, 1), "国庆节"), (NEW_YEAR, "元旦")],
            [(MAKE_UP_SATURDAY, "调休上班")],
            None,
            "ops-1",
            AT,
        )
    async with db.transaction() as session:
        found = await repo.get_year(session, 2027)
    assert found is not None
    assert [d.date for d in found[1]] == [NEW_YEAR, MAKE_UP_SATURDAY, dt.date(2027, 10, 1)]
    assert found[0].source is None


async def test_override_upsert_updates_in_place_and_delete_reports_whether_it_existed(db: Database) -> None:
    day = dt.date(2026, 10, 12)
    async with db.transaction() as session:
        await repo.upsert_override(session, day, False, "台风停工", "ops-1", AT)
    async with db.transaction() as session:
        row = await repo.upsert_override(session, day, True, None, "ops-2", AT + dt.timedelta(hours=1))
        assert (row.working, row.name, row.updated_by) == (True, None, "ops-2")
    async with db.transaction() as session:
        info = (await repo.load_calendar(session)).day(day)
    assert (info.working, info.source) == (True, "override")
    async with db.transaction() as session:
        assert await repo.delete_override(session, day) is True
        assert await repo.delete_override(session, day) is False
    async with db.transaction() as session:
        assert (await repo.load_calendar(session)).day(day).source != "override"


async def test_an_override_makes_a_date_of_an_unknown_year_known(db: Database) -> None:
    day = dt.date(2030, 3, 4)
    async with db.transaction() as session:
        await repo.upsert_override(session, day, False, "停电", "ops-1", AT)
    async with db.transaction() as session:
        cal = await repo.load_calendar(session)
    assert cal.is_known(day) and not cal.is_working_day(day) and cal.day(day).name == "停电"
    with pytest.raises(CalendarUnknown):
        cal.day(dt.date(2030, 3, 5))
