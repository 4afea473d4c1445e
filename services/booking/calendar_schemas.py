"""Booking's working-day calendar API models (pydantic): days, overrides, official year schedules (SPEC 4.1)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class CalendarDay(BaseModel):
    """One day of the working-day calendar (SPEC 4.1)."""

    date: dt.date = Field(description="The date.")
    working: bool = Field(description="True on a working day (make-up working days 调休 included).")
    holiday: bool = Field(description="True on a declared day off (statutory holiday or its bridge days).")
    name: str | None = Field(description="The holiday's or make-up day's name, e.g. `国庆节`; null on an ordinary day.")
    source: str = Field(
        description="Where the answer comes from: package (holidays data), schedule (ops-loaded), override, weekday."
    )


class WorkingDays(BaseModel):
    """The days of a date range (at most 367 days)."""

    items: list[CalendarDay] = Field(description="Every day of the range, in order.")


class OverrideWrite(BaseModel):
    """An ops override of one day (wins over the package and loaded schedules)."""

    model_config = ConfigDict(extra="forbid")

    working: bool = Field(description="True: a working day; false: a day off.")
    name: str | None = Field(default=None, max_length=100, description="Why, e.g. `台风停工`.")


class OverrideRead(BaseModel):
    """An ops override of one day."""

    date: dt.date = Field(description="The date overridden.")
    working: bool = Field(description="True: a working day; false: a day off.")
    name: str | None = Field(description="Why, e.g. `台风停工`.")
    updated_by: str = Field(description="Who set it (`ops:<subject>`).")
    updated_at: dt.datetime = Field(description="When it was set.")


class ScheduleDay(BaseModel):
    """A day named in the State Council's schedule."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date = Field(description="The date.")
    name: str = Field(min_length=1, max_length=100, description="The holiday's name, e.g. `春节`.")


class YearScheduleWrite(BaseModel):
    """A year's official schedule as the State Council publishes it."""

    model_config = ConfigDict(extra="forbid")

    days_off: list[ScheduleDay] = Field(description="Every declared day off (weekdays and weekends of the breaks)")
    working_days: list[ScheduleDay] = Field(
        default_factory=list, description="Weekend days declared make-up working days (调休上班)"
    )
    source: str | None = Field(default=None, max_length=500, description="e.g. the notice's URL")


class YearScheduleRead(BaseModel):
    """A year's official holiday schedule as loaded by ops."""

    year: int = Field(description="The year.")
    source: str | None = Field(description="Where it comes from (e.g. the notice's URL).")
    days_off: list[ScheduleDay] = Field(description="Every declared day off.")
    working_days: list[ScheduleDay] = Field(description="Weekend days declared make-up working days (调休上班).")
    loaded_by: str = Field(description="Who loaded it (`ops:<subject>`, or `package`).")
    loaded_at: dt.datetime = Field(description="When it was loaded.")


class CalendarYears(BaseModel):
    """Which years the working-day calendar knows (SPEC 4.1: unknown years are refused, not guessed)."""

    package_years: list[int] = Field(description="Years the `holidays` package knows.")
    loaded_years: list[int] = Field(description="Years loaded by ops.")
    known_years: list[int] = Field(default_factory=list, description="Every year with a known schedule")
    next_year: int | None = Field(default=None, description="Next calendar year (Asia/Shanghai).")
    next_year_known: bool | None = Field(default=None, description="Whether next year's schedule is known.")
    warning: str | None = Field(
        default=None, description="Set from 1 December while next year's official schedule is not loaded"
    )
