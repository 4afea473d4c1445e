"""Booking pure domain rules (SPEC 4.2, 4.3): plain values in, decisions out, no I/O.

Working-day arithmetic comes from ``calendar.WorkingCalendar``; every function here takes the
calendar as an argument so that tests run in milliseconds with the real 2026 schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from vipkit.calendar import WorkingCalendar
from vipkit.clock import SHANGHAI, local_datetime


class BookingStatus(StrEnum):
    pending = "pending"
    confirmed = "confirmed"
    rejected = "rejected"
    cancelled = "cancelled"
    cancelled_late = "cancelled_late"
    completed = "completed"
    no_show = "no_show"


S = BookingStatus

#: SPEC 4.2 states: pending (sent to the partner) -> confirmed | rejected | cancelled;
#: confirmed -> completed | no_show | cancelled | cancelled_late. Everything else is final.
TRANSITIONS: dict[BookingStatus, frozenset[BookingStatus]] = {
    S.pending: frozenset({S.confirmed, S.rejected, S.cancelled}),
    S.confirmed: frozenset({S.completed, S.no_show, S.cancelled, S.cancelled_late}),
    S.rejected: frozenset(),
    S.cancelled: frozenset(),
    S.cancelled_late: frozenset(),
    S.completed: frozenset(),
    S.no_show: frozenset(),
}

#: What each target status does to the reserved entitlement unit (SPEC 3.1, 4.2).
LEDGER_EFFECT: dict[BookingStatus, str] = {
    S.rejected: "release",
    S.cancelled: "release",
    S.cancelled_late: "consume",
    S.completed: "consume",
    S.no_show: "consume",
}

#: Statuses that hold a place in the clinic's daily capacity.
HOLDS_CAPACITY = frozenset({S.pending, S.confirmed, S.completed, S.no_show})


class IllegalTransition(Exception):
    def __init__(self, from_status: str, to_status: str) -> None:
        super().__init__(f"a {from_status} booking cannot become {to_status}")
        self.from_status = from_status
        self.to_status = to_status


def check_transition(from_status: str, to_status: str) -> None:
    """Raise ``IllegalTransition`` unless the state machine allows ``from_status -> to_status``."""
    if BookingStatus(to_status) not in TRANSITIONS[BookingStatus(from_status)]:
        raise IllegalTransition(from_status, to_status)


#: Outcomes a partner reports only once the appointment day has come (SPEC 4.2).
OUTCOMES_ON_OR_AFTER_THE_DATE = frozenset({S.completed, S.no_show})


def too_early_for_outcome(to_status: str, appointment: dt.date, today: dt.date) -> bool:
    """A booking cannot be completed or marked a no-show before its appointment date."""
    return BookingStatus(to_status) in OUTCOMES_ON_OR_AFTER_THE_DATE and today < appointment


# --- booking parameters (from the entitlements catalog) -------------------------------------------
@dataclass(frozen=True, slots=True)
class BookingParams:
    kind: str = "appointment"
    advance_working_days: int = 2
    cancel_cutoff_working_days: int = 1
    cancel_cutoff_hour: int = 12
    contact_working_days: int = 1
    opinion_working_days: int = 10
    #: a second opinion: the catalog gives it an opinion SLA (``sla.opinion_working_days``)
    second_opinion: bool = False


#: The one place the booking parameters' defaults live (001: N = 2, cutoff 12:00 the working day before).
DEFAULT_PARAMS = BookingParams()


def booking_params(booking: dict[str, object] | None) -> BookingParams:
    """Read a catalog entry's ``booking`` block; missing values take the 001 defaults."""
    if not booking:
        return DEFAULT_PARAMS
    sla = booking.get("sla") or {}
    assert isinstance(sla, dict)

    def _int(value: object, default: int) -> int:
        return int(value) if isinstance(value, (int, str)) and str(value).strip() else default

    return BookingParams(
        kind=str(booking.get("kind") or "appointment"),
        advance_working_days=_int(booking.get("advance_working_days"), DEFAULT_PARAMS.advance_working_days),
        cancel_cutoff_working_days=_int(
            booking.get("cancel_cutoff_working_days"), DEFAULT_PARAMS.cancel_cutoff_working_days
        ),
        cancel_cutoff_hour=_int(booking.get("cancel_cutoff_hour"), DEFAULT_PARAMS.cancel_cutoff_hour),
        contact_working_days=_int(sla.get("contact_working_days"), DEFAULT_PARAMS.contact_working_days),
        opinion_working_days=_int(sla.get("opinion_working_days"), DEFAULT_PARAMS.opinion_working_days),
        second_opinion=sla.get("opinion_working_days") is not None,
    )


# --- advance notice and cancellation cutoff -------------------------------------------------------
def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(SHANGHAI).date()


def earliest_bookable_date(
    cal: WorkingCalendar, requested_at: dt.datetime, advance_working_days: int = DEFAULT_PARAMS.advance_working_days
) -> dt.date:
    """SPEC 4.2: ``add_working_days(date(t), N)``, with ``t`` in Asia/Shanghai."""
    return cal.add_working_days(local_date(requested_at), advance_working_days)


def is_early_enough(
    cal: WorkingCalendar,
    requested_at: dt.datetime,
    appointment: dt.date,
    advance_working_days: int = DEFAULT_PARAMS.advance_working_days,
) -> bool:
    return appointment >= earliest_bookable_date(cal, requested_at, advance_working_days)


def cancel_deadline(
    cal: WorkingCalendar,
    appointment: dt.date,
    cutoff_working_days: int = DEFAULT_PARAMS.cancel_cutoff_working_days,
    cutoff_hour: int = DEFAULT_PARAMS.cancel_cutoff_hour,
) -> dt.datetime:
    """SPEC 4.2: ``previous_working_day(A)`` at 12:00 local time (generalized to k working days before)."""
    day = cal.subtract_working_days(appointment, cutoff_working_days)
    return local_datetime(day, cutoff_hour)


@dataclass(frozen=True, slots=True)
class CancellationDecision:
    status: BookingStatus
    quota_released: bool
    ledger: str  # release | consume


def decide_cancellation(current: str, now: dt.datetime, deadline: dt.datetime) -> CancellationDecision:
    """Free before the deadline (released), forfeited at or after it (consumed).

    A ``pending`` booking (the partner has not confirmed it yet) cancels free at any time: the
    state machine has no ``pending -> cancelled_late``.
    """
    status = BookingStatus(current)
    if status == S.pending:
        check_transition(status, S.cancelled)
        return CancellationDecision(S.cancelled, True, "release")
    target = S.cancelled if now < deadline else S.cancelled_late
    check_transition(status, target)
    return CancellationDecision(target, target == S.cancelled, LEDGER_EFFECT[target])


# --- clinics ----------------------------------------------------------------------------------------
def clinic_open_on(cal: WorkingCalendar, opening_weekdays: Iterable[int], open_on_holidays: bool, day: dt.date) -> bool:
    """Open on its ISO opening weekdays; closed on declared days off unless ``open_on_holidays``.

    A make-up working Saturday opens only clinics that open on Saturdays (opening is by weekday).
    """
    if day.isoweekday() not in set(opening_weekdays):
        return False
    info = cal.day(day)
    return not (info.holiday and not open_on_holidays)


# --- reminders and SLAs ---------------------------------------------------------------------------
def reminder_window(cal: WorkingCalendar, as_of: dt.date) -> tuple[dt.date, dt.date] | None:
    """Appointments to remind on ``as_of``: those whose previous working day is ``as_of``.

    That is every date in ``(as_of, add_working_days(as_of, 1)]``; nothing when ``as_of`` is not a
    working day (its appointments were reminded on the working day before).
    """
    if not cal.is_working_day(as_of):
        return None
    return as_of + dt.timedelta(days=1), cal.add_working_days(as_of, 1)


def contact_due(
    cal: WorkingCalendar, requested_at: dt.datetime, working_days: int = DEFAULT_PARAMS.contact_working_days
) -> dt.date:
    """Second opinion (000): the provider contacts the customer within 1 working day."""
    return cal.add_working_days(local_date(requested_at), working_days)


def opinion_due(
    cal: WorkingCalendar, materials_complete_at: dt.datetime, working_days: int = DEFAULT_PARAMS.opinion_working_days
) -> dt.date:
    """Second opinion (000): the opinion is due within 10 working days after the materials are complete."""
    return cal.add_working_days(local_date(materials_complete_at), working_days)


def is_overdue(due: dt.date | None, done_at: dt.datetime | None, today: dt.date) -> bool:
    """Overdue once the due working day has passed without the step being done."""
    return due is not None and done_at is None and today > due


# --- partner webhook retries (SPEC 4.3) ----------------------------------------------------------
#: Delays after each failed attempt (the Standard Webhooks schedule): ~27.6 h in total (> 24 h).
RETRY_DELAYS: tuple[dt.timedelta, ...] = (
    dt.timedelta(seconds=5),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=5),
    dt.timedelta(hours=10),
    dt.timedelta(hours=10),
)


def next_retry_delay(failed_attempts: int) -> dt.timedelta | None:
    """Delay before the next attempt after ``failed_attempts`` failures; ``None`` = give up."""
    if failed_attempts < 1:
        return dt.timedelta(0)
    if failed_attempts > len(RETRY_DELAYS):
        return None
    return RETRY_DELAYS[failed_attempts - 1]


def total_retry_window() -> dt.timedelta:
    return sum(RETRY_DELAYS, dt.timedelta(0))
