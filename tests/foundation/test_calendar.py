"""The working-day calendar (vipkit/calendar.py): official schedules, ops years, overrides, arithmetic."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from scripts.generate_china_calendar import DATA_FILE, package_data, render
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


def test_china_data_file_is_what_the_holidays_package_gives() -> None:
    # services read the generated file, never the package: after upgrading the pinned package, run
    # scripts/generate_china_calendar.py (this fails until the file is regenerated)
    assert DATA_FILE.read_text(encoding="utf-8") == render(package_data())


def test_the_calendar_never_imports_the_holidays_package() -> None:
    # importing it loads every country the package knows (~11 MB in every booking/revisit process)
    probe = (
        "import sys; from vipkit.calendar import WorkingCalendar; WorkingCalendar(); print('holidays' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"


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
