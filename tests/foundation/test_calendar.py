"""The working-day calendar (vipkit/calendar.py): official schedules, ops years, overrides, arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from vipkit.calendar import (
    CalendarUnknown,
    Override,
    WorkingCalendar,
    YearSchedule,
    next_year_missing,
    package_schedules,
)

D = dt.date.fromisoformat


def test_package_schedules_hold_only_officially_published_years() -> None:
    years = package_schedules()
    assert 2026 in years and 2027 not in years
    assert years[2026].source == "package"


def test_known_years_combine_package_and_ops_loaded_years() -> None:
    cal = WorkingCalendar([YearSchedule(year=2027, days_off={D("2027-01-01"): "元旦"}, working_days={})])
    assert 2026 in cal.known_years and 2027 in cal.known_years
    assert cal.is_known(D("2027-06-01")) and not cal.is_known(D("2028-01-03"))


def test_subtract_and_previous_working_day_skip_the_national_day_week() -> None:
    cal = WorkingCalendar()
    assert cal.previous_working_day(D("2026-10-08")) == D("2026-09-30")
    assert cal.subtract_working_days(D("2026-10-09"), 2) == D("2026-09-30")
    assert cal.add_working_days(D("2026-09-30"), 1) == D("2026-10-08")


def test_days_lists_every_date_with_its_source() -> None:
    cal = WorkingCalendar(overrides={D("2026-10-12"): Override(False, "台风停工")})
    days = list(cal.days(D("2026-10-09"), D("2026-10-12")))
    assert [d.date for d in days] == [D("2026-10-09"), D("2026-10-10"), D("2026-10-11"), D("2026-10-12")]
    assert [d.working for d in days] == [True, True, False, False]
    assert days[-1].source == "override" and days[-1].name == "台风停工"
    with pytest.raises(CalendarUnknown):
        list(cal.days(D("2026-12-30"), D("2027-01-02")))


def test_next_years_schedule_is_due_by_1_december() -> None:
    known = WorkingCalendar().known_years
    assert next_year_missing(D("2026-11-30"), known) is None  # not yet due
    assert next_year_missing(D("2026-12-01"), known) == 2027  # due and missing: ops are warned
    assert next_year_missing(D("2026-12-31"), known) == 2027
    loaded = WorkingCalendar([YearSchedule(year=2027, days_off={D("2027-01-01"): "元旦"})])
    assert next_year_missing(D("2026-12-01"), loaded.known_years) is None
