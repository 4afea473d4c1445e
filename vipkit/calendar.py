"""The mainland-China working-day calendar (SPEC 4.1): pure, no I/O.

A working day is a day that is not a statutory day off; weekend days declared as make-up working
days (调休上班) ARE working days, weekdays declared as days off are NOT. The base is the
``holidays`` package's China calendar (its ``weekend_workdays`` hold the make-up working days),
limited to the years for which the package ships the State Council's official schedule. On top of
it come the ops-loaded official schedules (a whole year, e.g. next year's published in November)
and single-day overrides. A date in a year with no known schedule raises ``CalendarUnknown``:
the calendar never guesses (the package's rule-based "estimated" dates are ignored).

Precedence for one date: ops override > ops-loaded year schedule > package schedule > weekday rule
(Mon-Fri work, Sat-Sun rest) inside a known year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from contracts.events import CalendarChangedV1, CalendarDayV1, CalendarOverrideV1, CalendarYearV1

#: Safety bound for walking the calendar (no real schedule has a break this long).
_MAX_WALK_DAYS = 400


class CalendarUnknown(Exception):
    """A date falls in a year whose official holiday schedule is not known."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(f"the official holiday schedule for {day.year} is not known (date {day.isoformat()})")
        self.day = day
        self.year = day.year


@dataclass(frozen=True, slots=True)
class DayInfo:
    date: dt.date
    working: bool
    holiday: bool
    """A declared day off (statutory holiday or substituted rest day), not merely a weekend."""
    name: str | None
    source: str
    """``override`` | ``schedule`` (ops-loaded year) | ``package`` | ``weekday``."""


@dataclass(frozen=True, slots=True)
class Override:
    working: bool
    name: str | None = None


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule: its days off and its make-up working days.

    Entries may fall just outside the year (a make-up Saturday in late December for the next
    year's New Year break): they belong to the schedule that declared them.
    """

    year: int
    days_off: Mapping[dt.date, str] = field(default_factory=dict)
    working_days: Mapping[dt.date, str] = field(default_factory=dict)
    source: str = "schedule"


@lru_cache(maxsize=1)
def package_schedules() -> dict[int, YearSchedule]:
    """The official schedules the ``holidays`` package knows (years with published State Council data)."""
    import holidays
    from holidays.countries.china import ChinaStaticHolidays

    official_years = sorted(ChinaStaticHolidays.special_public_holidays)
    china = holidays.China(years=range(official_years[0], official_years[-1] + 1), language="zh_CN")
    days_off: dict[int, dict[dt.date, str]] = {y: {} for y in official_years}
    working: dict[int, dict[dt.date, str]] = {y: {} for y in official_years}
    for day, name in china.items():
        if day.year in days_off:
            days_off[day.year][day] = str(name)
    for day in china.weekend_workdays:
        if day.year in working:
            working[day.year][day] = "调休上班"
    return {
        y: YearSchedule(year=y, days_off=days_off[y], working_days=working[y], source="package") for y in official_years
    }


class WorkingCalendar:
    """Answers "is this a working day?" from package data, ops-loaded years and overrides."""

    def __init__(
        self,
        loaded_years: Iterable[YearSchedule] = (),
        overrides: Mapping[dt.date, Override] | None = None,
        *,
        base: Mapping[int, YearSchedule] | None = None,
    ) -> None:
        schedules: dict[int, YearSchedule] = dict(package_schedules() if base is None else base)
        for schedule in loaded_years:  # an ops-loaded year replaces the package's data for it
            schedules[schedule.year] = schedule
        self.schedules = schedules
        self.overrides: Mapping[dt.date, Override] = overrides or {}
        self._off: dict[dt.date, tuple[str, str]] = {}
        self._work: dict[dt.date, tuple[str, str]] = {}
        for schedule in sorted(schedules.values(), key=lambda s: s.year):
            source = "package" if schedule.source == "package" else "schedule"
            for day, name in schedule.days_off.items():
                self._off[day] = (name, source)
            for day, name in schedule.working_days.items():
                self._work[day] = (name, source)

    @property
    def known_years(self) -> list[int]:
        return sorted(self.schedules)

    def is_known(self, day: dt.date) -> bool:
        return day.year in self.schedules or day in self.overrides

    def day(self, day: dt.date) -> DayInfo:
        """The working-day answer for one date, or ``CalendarUnknown``."""
        override = self.overrides.get(day)
        if override is not None:
            holiday = not override.working and (day.isoweekday() < 6 or override.name is not None)
            return DayInfo(day, override.working, holiday, override.name, "override")
        if day.year not in self.schedules:
            raise CalendarUnknown(day)
        if day in self._work:
            name, source = self._work[day]
            return DayInfo(day, True, False, name, source)
        if day in self._off:
            name, source = self._off[day]
            return DayInfo(day, False, True, name, source)
        weekend = day.isoweekday() >= 6
        return DayInfo(day, not weekend, False, None, "weekday")

    def is_working_day(self, day: dt.date) -> bool:
        return self.day(day).working

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day strictly after ``day`` (n >= 1)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        current = day
        found = 0
        for _ in range(_MAX_WALK_DAYS * n):
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                found += 1
                if found == n:
                    return current
        raise CalendarUnknown(current)  # pragma: no cover - only with absurd overrides

    def subtract_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day strictly before ``day`` (n >= 1)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        current = day
        found = 0
        for _ in range(_MAX_WALK_DAYS * n):
            current -= dt.timedelta(days=1)
            if self.is_working_day(current):
                found += 1
                if found == n:
                    return current
        raise CalendarUnknown(current)  # pragma: no cover

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        return self.subtract_working_days(day, 1)

    def days(self, start: dt.date, end: dt.date) -> Iterator[DayInfo]:
        current = start
        while current <= end:
            yield self.day(current)
            current += dt.timedelta(days=1)


def default_calendar() -> WorkingCalendar:
    """The package-only calendar (no ops data): handy for tests and tools."""
    return WorkingCalendar()


#: From 1 December next year's official schedule must be known: from late December every booking
#: (N working days ahead, cancellation cutoffs) and every phone-queue office time walks into it.
NEXT_YEAR_DUE = (12, 1)


def next_year_missing(today: dt.date, known_years: Iterable[int]) -> int | None:
    """Next year, when it is on/after 1 December and next year's schedule is not known; else None."""
    if (today.month, today.day) < NEXT_YEAR_DUE:
        return None
    return None if today.year + 1 in set(known_years) else today.year + 1


# --- the calendar as an event (calendar.changed.v1: booking publishes it, revisit builds from it) -------
def calendar_event(cal: WorkingCalendar, changed_at: dt.datetime) -> CalendarChangedV1:
    """The ops-maintained part of ``cal`` (loaded years and overrides; the package data every service has)."""
    years = [
        CalendarYearV1(
            year=s.year,
            source=s.source,
            days_off=[CalendarDayV1(date=d, name=n) for d, n in sorted(s.days_off.items())],
            working_days=[CalendarDayV1(date=d, name=n) for d, n in sorted(s.working_days.items())],
        )
        for s in sorted(cal.schedules.values(), key=lambda s: s.year)
        if s.source != "package"
    ]
    overrides = [CalendarOverrideV1(date=d, working=o.working, name=o.name) for d, o in sorted(cal.overrides.items())]
    return CalendarChangedV1(changed_at=changed_at, years=years, overrides=overrides)


def calendar_from_event(data: CalendarChangedV1 | None) -> WorkingCalendar:
    """The same calendar as the publisher's (package data + its loaded years and overrides)."""
    if data is None:
        return WorkingCalendar()
    years = [
        YearSchedule(
            year=y.year,
            days_off={d.date: d.name or "" for d in y.days_off},
            working_days={d.date: d.name or "" for d in y.working_days},
            source=y.source or "schedule",
        )
        for y in data.years
    ]
    return WorkingCalendar(years, {o.date: Override(o.working, o.name) for o in data.overrides})
