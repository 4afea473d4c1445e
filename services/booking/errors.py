"""Booking's problems (SPEC 7.1 codes; the classes live once in ``vipkit.problems``) and the
constructors that give them their details."""

from __future__ import annotations

import datetime as dt

from services.booking import rules
from vipkit import calendar
from vipkit.problems import CalendarUnknown, FullyBooked, IllegalTransition


def calendar_unknown(exc: calendar.CalendarUnknown) -> CalendarUnknown:
    return CalendarUnknown(
        f"the official working-day schedule for {exc.year} is not known yet; ops can load it "
        f"with PUT /api/v1/calendar/years/{exc.year}",
        year=exc.year,
        date=exc.day.isoformat(),
    )


def illegal(exc: rules.IllegalTransition) -> IllegalTransition:
    return IllegalTransition(str(exc), from_status=exc.from_status, to_status=exc.to_status)


def outcome_too_early(from_status: str, to_status: str, appointment: dt.date, today: dt.date) -> IllegalTransition:
    return IllegalTransition(
        f"a booking cannot become {to_status} before its appointment date {appointment.isoformat()} "
        f"(today is {today.isoformat()}); report it on or after that date",
        from_status=from_status,
        to_status=to_status,
        appointment_date=appointment.isoformat(),
    )


def concurrent_change(from_status: str, to_status: str) -> IllegalTransition:
    return IllegalTransition(
        "the booking changed concurrently; read it again", from_status=from_status, to_status=to_status
    )


def fully_booked(clinic_id: str, service_code: str, day: dt.date, capacity: int) -> FullyBooked:
    return FullyBooked(
        f"clinic {clinic_id} has no free place for {service_code} on {day.isoformat()}",
        date=day.isoformat(),
        daily_capacity=capacity,
    )
