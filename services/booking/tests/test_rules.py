"""Pure rules of SPEC 4.1-4.3: working days (2026 official schedule), advance notice, cancel cutoff,
state machine, reminders, second-opinion SLAs, webhook retry schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from services.booking import rules
from services.booking.rules import BookingStatus as S
from vipkit.calendar import CalendarUnknown, Override, WorkingCalendar, YearSchedule, default_calendar
from vipkit.clock import SHANGHAI

D = dt.date.fromisoformat
CAL = default_calendar()


def at(day: str, hms: str = "10:00:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hms}").replace(tzinfo=SHANGHAI)


# --- SPEC 4.1: working days from the holidays package (2026 official schedule) --------------------
@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-01-01", False),  # New Year's Day
        ("2026-01-02", False),  # substituted day off
        ("2026-01-04", True),  # make-up working Sunday
        ("2026-02-14", True),  # make-up working Saturday (Spring Festival)
        ("2026-02-16", False),  # Spring Festival eve
        ("2026-02-23", False),  # Spring Festival, substituted Monday
        ("2026-02-24", True),
        ("2026-02-28", True),  # make-up working Saturday
        ("2026-04-06", False),  # Qingming (observed)
        ("2026-05-05", False),  # Labour Day substituted Tuesday
        ("2026-05-09", True),  # make-up working Saturday
        ("2026-06-19", False),  # Dragon Boat
        ("2026-09-20", True),  # make-up working Sunday (National Day)
        ("2026-09-25", False),  # Mid-Autumn
        ("2026-10-07", False),  # National Day substituted Wednesday
        ("2026-10-10", True),  # make-up working Saturday
        ("2026-10-11", False),  # ordinary Sunday
        ("2026-10-12", True),  # ordinary Monday
    ],
)
def test_working_day_follows_the_official_2026_schedule(day: str, working: bool) -> None:
    assert CAL.is_working_day(D(day)) is working


def test_holiday_days_carry_their_chinese_name() -> None:
    assert CAL.day(D("2026-10-01")).name == "国庆节"
    assert CAL.day(D("2026-10-01")).holiday is True
    assert CAL.day(D("2026-10-10")).name == "调休上班"
    assert CAL.day(D("2026-10-11")).holiday is False  # a plain weekend is not a holiday


def test_year_without_an_official_schedule_is_unknown_never_guessed() -> None:
    # the package has rule-based estimates for 2027, but no State Council schedule
    with pytest.raises(CalendarUnknown) as err:
        CAL.is_working_day(D("2027-03-03"))
    assert err.value.year == 2027
    with pytest.raises(CalendarUnknown):
        CAL.day(D("2000-05-01"))
    # walking into the unknown year is refused too (Thu 12-31 is the 1st, 2027-01-01 unknown)
    with pytest.raises(CalendarUnknown):
        CAL.add_working_days(D("2026-12-30"), 2)


def test_ops_loaded_year_makes_it_known_and_replaces_package_data() -> None:
    schedule = YearSchedule(
        year=2027,
        days_off={D("2027-01-01"): "元旦", D("2027-02-08"): "春节", D("2027-02-09"): "春节"},
        working_days={D("2027-02-20"): "调休上班"},
    )
    cal = WorkingCalendar([schedule])
    assert cal.add_working_days(D("2026-12-30"), 2) == D("2027-01-04")
    assert cal.is_working_day(D("2027-02-20")) is True  # a Saturday, declared working
    assert cal.is_working_day(D("2027-02-08")) is False
    assert cal.is_working_day(D("2027-02-10")) is True  # package estimated it off; ops schedule wins
    assert cal.day(D("2027-02-10")).source == "weekday"


def test_override_beats_every_other_source() -> None:
    cal = WorkingCalendar(overrides={D("2026-10-12"): Override(False, "台风停工"), D("2026-10-11"): Override(True)})
    assert cal.is_working_day(D("2026-10-12")) is False
    assert cal.day(D("2026-10-12")).holiday is True
    assert cal.is_working_day(D("2026-10-11")) is True
    assert cal.add_working_days(D("2026-10-09"), 2) == D("2026-10-11")
    # an override alone makes that single date known
    assert WorkingCalendar(overrides={D("2027-05-06"): Override(True)}).is_working_day(D("2027-05-06"))


# --- SPEC 4.2 worked examples (2026 calendar, N = 2) ----------------------------------------------
@pytest.mark.parametrize(
    ("requested", "earliest"),
    [
        ("2026-09-28", "2026-09-30"),  # Mon -> Wed
        ("2026-09-29", "2026-10-08"),  # Tue -> Thu after National Day
        ("2026-09-30", "2026-10-09"),  # Wed -> Fri
    ],
)
def test_spec_worked_example_earliest_bookable_date(requested: str, earliest: str) -> None:
    assert rules.earliest_bookable_date(CAL, at(requested), 2) == D(earliest)


@pytest.mark.parametrize(
    ("appointment", "deadline"),
    [
        ("2026-10-08", "2026-09-30T12:00:00"),
        ("2026-10-12", "2026-10-10T12:00:00"),  # Sat 10-10, a make-up working day
    ],
)
def test_spec_worked_example_cancel_deadline(appointment: str, deadline: str) -> None:
    expected = dt.datetime.fromisoformat(deadline).replace(tzinfo=SHANGHAI)
    assert rules.cancel_deadline(CAL, D(appointment)) == expected


def test_advance_notice_uses_the_local_date_of_the_request() -> None:
    # 2026-09-28 17:30 UTC is already Tue 09-29 01:30 in Shanghai
    utc = dt.datetime(2026, 9, 28, 17, 30, tzinfo=dt.UTC)
    assert rules.earliest_bookable_date(CAL, utc, 2) == D("2026-10-08")


def test_stars_checkup_needs_three_working_days() -> None:
    assert rules.earliest_bookable_date(CAL, at("2026-09-28"), 3) == D("2026-10-08")
    assert rules.is_early_enough(CAL, at("2026-09-28"), D("2026-10-08"), 3)
    assert not rules.is_early_enough(CAL, at("2026-09-28"), D("2026-09-30"), 3)


# --- both rules around every 2026 holiday block ---------------------------------------------------
# (block, requested date, earliest date with N=2)
ADVANCE_CASES = [
    ("new_year", "2025-12-31", "2026-01-05"),  # 01-04 is a make-up Sunday: the 1st
    ("new_year", "2026-01-04", "2026-01-06"),  # booked on the make-up Sunday itself
    ("spring_festival", "2026-02-12", "2026-02-14"),  # make-up Saturday 02-14 is the 2nd
    ("spring_festival", "2026-02-13", "2026-02-24"),  # 02-15..02-23 off
    ("spring_festival", "2026-02-14", "2026-02-25"),
    ("spring_festival", "2026-02-18", "2026-02-25"),  # requested during the holiday
    ("spring_festival", "2026-02-26", "2026-02-28"),  # make-up Saturday 02-28
    ("spring_festival", "2026-02-27", "2026-03-02"),
    ("qingming", "2026-04-02", "2026-04-07"),
    ("qingming", "2026-04-03", "2026-04-08"),
    ("labour_day", "2026-04-29", "2026-05-06"),
    ("labour_day", "2026-04-30", "2026-05-07"),
    ("labour_day", "2026-05-07", "2026-05-09"),  # make-up Saturday 05-09
    ("labour_day", "2026-05-08", "2026-05-11"),
    ("dragon_boat", "2026-06-17", "2026-06-22"),
    ("dragon_boat", "2026-06-18", "2026-06-23"),
    ("mid_autumn", "2026-09-18", "2026-09-21"),  # make-up Sunday 09-20 is the 1st
    ("mid_autumn", "2026-09-23", "2026-09-28"),
    ("mid_autumn", "2026-09-24", "2026-09-29"),
    ("national_day", "2026-09-28", "2026-09-30"),
    ("national_day", "2026-09-29", "2026-10-08"),
    ("national_day", "2026-09-30", "2026-10-09"),
    ("national_day", "2026-10-08", "2026-10-10"),  # make-up Saturday 10-10
    ("national_day", "2026-10-09", "2026-10-12"),
]


@pytest.mark.parametrize(("block", "requested", "earliest"), ADVANCE_CASES)
def test_advance_notice_two_working_days_around_2026_holidays(block: str, requested: str, earliest: str) -> None:
    e = D(earliest)
    assert rules.earliest_bookable_date(CAL, at(requested, "23:59:59"), 2) == e
    assert rules.is_early_enough(CAL, at(requested), e, 2)
    assert not rules.is_early_enough(CAL, at(requested), e - dt.timedelta(days=1), 2)


# (block, appointment, deadline day: previous working day)
CUTOFF_CASES = [
    ("new_year", "2026-01-05", "2026-01-04"),  # make-up Sunday
    ("new_year", "2026-01-04", "2025-12-31"),
    ("spring_festival", "2026-02-24", "2026-02-14"),  # make-up Saturday before the break
    ("spring_festival", "2026-03-02", "2026-02-28"),  # make-up Saturday after it
    ("spring_festival", "2026-02-20", "2026-02-14"),  # a clinic open on holidays
    ("qingming", "2026-04-07", "2026-04-03"),
    ("labour_day", "2026-05-06", "2026-04-30"),
    ("labour_day", "2026-05-11", "2026-05-09"),
    ("labour_day", "2026-05-09", "2026-05-08"),
    ("dragon_boat", "2026-06-22", "2026-06-18"),
    ("mid_autumn", "2026-09-28", "2026-09-24"),
    ("mid_autumn", "2026-09-21", "2026-09-20"),  # make-up Sunday
    ("national_day", "2026-10-08", "2026-09-30"),
    ("national_day", "2026-10-12", "2026-10-10"),
    ("national_day", "2026-10-03", "2026-09-30"),
]


@pytest.mark.parametrize(("block", "appointment", "deadline_day"), CUTOFF_CASES)
def test_cancel_cutoff_noon_previous_working_day_around_2026_holidays(
    block: str, appointment: str, deadline_day: str
) -> None:
    deadline = rules.cancel_deadline(CAL, D(appointment))
    assert deadline == at(deadline_day, "12:00:00")
    assert CAL.previous_working_day(D(appointment)) == D(deadline_day)
    free = rules.decide_cancellation("confirmed", at(deadline_day, "11:59:59"), deadline)
    assert (free.status, free.quota_released, free.ledger) == (S.cancelled, True, "release")
    late = rules.decide_cancellation("confirmed", at(deadline_day, "12:00:00"), deadline)
    assert (late.status, late.quota_released, late.ledger) == (S.cancelled_late, False, "consume")
    later = rules.decide_cancellation("confirmed", at(appointment, "08:00:00"), deadline)
    assert later.status == S.cancelled_late


def test_noon_boundary_is_exact_to_the_microsecond() -> None:
    deadline = rules.cancel_deadline(CAL, D("2026-10-08"))
    just_before = deadline - dt.timedelta(microseconds=1)
    assert rules.decide_cancellation("confirmed", just_before, deadline).status == S.cancelled
    assert rules.decide_cancellation("confirmed", deadline, deadline).status == S.cancelled_late
    # the same instant expressed in UTC is still the deadline
    assert rules.decide_cancellation("confirmed", deadline.astimezone(dt.UTC), deadline).status == S.cancelled_late


def test_pending_booking_cancels_free_even_after_the_deadline() -> None:
    deadline = rules.cancel_deadline(CAL, D("2026-10-08"))
    decision = rules.decide_cancellation("pending", deadline + dt.timedelta(hours=1), deadline)
    assert decision.status == S.cancelled and decision.quota_released


# --- state machine ------------------------------------------------------------------------------
ALLOWED = {
    ("pending", "confirmed"),
    ("pending", "rejected"),
    ("pending", "cancelled"),
    ("confirmed", "completed"),
    ("confirmed", "no_show"),
    ("confirmed", "cancelled"),
    ("confirmed", "cancelled_late"),
}


@pytest.mark.parametrize("from_status", [s.value for s in S])
@pytest.mark.parametrize("to_status", [s.value for s in S])
def test_booking_state_machine(from_status: str, to_status: str) -> None:
    if (from_status, to_status) in ALLOWED:
        rules.check_transition(from_status, to_status)
    else:
        with pytest.raises(rules.IllegalTransition):
            rules.check_transition(from_status, to_status)


@pytest.mark.parametrize("final", ["cancelled", "cancelled_late", "rejected", "completed", "no_show"])
def test_cancelling_a_final_booking_is_illegal(final: str) -> None:
    deadline = rules.cancel_deadline(CAL, D("2026-10-08"))
    with pytest.raises(rules.IllegalTransition):
        rules.decide_cancellation(final, at("2026-09-28"), deadline)


def test_ledger_effects_rejection_releases_completion_and_no_show_consume() -> None:
    assert rules.LEDGER_EFFECT[S.rejected] == "release"
    assert rules.LEDGER_EFFECT[S.completed] == "consume"
    assert rules.LEDGER_EFFECT[S.no_show] == "consume"
    assert rules.LEDGER_EFFECT[S.cancelled_late] == "consume"
    assert rules.LEDGER_EFFECT[S.cancelled] == "release"


# --- clinics ------------------------------------------------------------------------------------
def test_clinic_open_by_weekday_closed_on_holidays_by_default() -> None:
    weekdays = [1, 2, 3, 4, 5]
    assert rules.clinic_open_on(CAL, weekdays, False, D("2026-10-12"))
    assert not rules.clinic_open_on(CAL, weekdays, False, D("2026-10-05"))  # National Day Monday
    assert rules.clinic_open_on(CAL, weekdays, True, D("2026-10-05"))
    assert not rules.clinic_open_on(CAL, weekdays, True, D("2026-10-11"))  # Sunday: not an opening weekday
    # a make-up working Saturday opens only clinics that open on Saturdays
    assert not rules.clinic_open_on(CAL, weekdays, False, D("2026-10-10"))
    assert rules.clinic_open_on(CAL, [1, 2, 3, 4, 5, 6], False, D("2026-10-10"))
    assert not rules.clinic_open_on(CAL, [6, 7], False, D("2026-10-03"))  # Saturday inside National Day


# --- reminders (001: day-before confirmation) -------------------------------------------------------
def test_reminder_window_is_the_working_day_before_the_appointment() -> None:
    # on Wed 09-30 remind everything up to Thu 10-08 (the holiday dates for clinics open on holidays)
    assert rules.reminder_window(CAL, D("2026-09-30")) == (D("2026-10-01"), D("2026-10-08"))
    # on the make-up Saturday 10-10 remind Sun 10-11 and Mon 10-12
    assert rules.reminder_window(CAL, D("2026-10-10")) == (D("2026-10-11"), D("2026-10-12"))
    assert rules.reminder_window(CAL, D("2026-10-03")) is None
    assert rules.reminder_window(CAL, D("2026-10-14")) == (D("2026-10-15"), D("2026-10-15"))


# --- second opinion SLA (000) ----------------------------------------------------------------------
def test_second_opinion_contact_due_in_one_working_day_opinion_in_ten() -> None:
    assert rules.contact_due(CAL, at("2026-09-30", "16:00:00")) == D("2026-10-08")
    assert rules.contact_due(CAL, at("2026-10-09")) == D("2026-10-10")  # make-up Saturday
    # materials complete Tue 09-29: 09-30 (1), 10-08..10-10 (2-4), 10-12..10-16 (5-9), 10-19 (10)
    assert rules.opinion_due(CAL, at("2026-09-29")) == D("2026-10-19")
    assert rules.is_overdue(D("2026-10-08"), None, D("2026-10-09"))
    assert not rules.is_overdue(D("2026-10-08"), None, D("2026-10-08"))
    assert not rules.is_overdue(D("2026-10-08"), at("2026-10-09"), D("2026-10-12"))


# --- partner webhooks: retries for at least 24 h (SPEC 4.3) ---------------------------------------
def test_webhook_retries_back_off_exponentially_for_at_least_24_hours() -> None:
    delays = [rules.next_retry_delay(i) for i in range(1, len(rules.RETRY_DELAYS) + 1)]
    assert all(d is not None for d in delays)
    assert delays == sorted(delays)  # type: ignore[type-var]
    assert rules.total_retry_window() >= dt.timedelta(hours=24)
    assert rules.next_retry_delay(len(rules.RETRY_DELAYS) + 1) is None


def test_booking_params_default_to_001_and_read_the_catalog() -> None:
    assert rules.booking_params(None) == rules.BookingParams()
    params = rules.booking_params(
        {"kind": "request", "advance_working_days": 3, "sla": {"contact_working_days": 1, "opinion_working_days": 10}}
    )
    assert params.advance_working_days == 3 and params.kind == "request" and params.cancel_cutoff_hour == 12
