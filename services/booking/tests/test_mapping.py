"""Booking's row -> schema mapping (``mapping.py``): what customers and ops read. Pure, no database."""

from __future__ import annotations

import datetime as dt

from services.booking import mapping
from services.booking.models import Booking, BookingHistory, SecondOpinion

NOON_UTC = dt.datetime(2026, 9, 27, 4, 0, tzinfo=dt.UTC)  # 12:00 in Shanghai


def booking(**kw: object) -> Booking:
    values: dict[str, object] = {
        "id": "B1",
        "customer_id": "C1",
        "beneficiary_id": None,
        "service_code": "dental_cleaning",
        "clinic_id": "K1",
        "partner_id": "P1",
        "date": dt.date(2026, 9, 28),
        "package_code": None,
        "contact_mobile": "13800138000",
        "status": "confirmed",
        "reservation_id": "R1",
        "cancel_deadline": NOON_UTC,
        "created_at": NOON_UTC,
        "updated_at": NOON_UTC,
    }
    return Booking(**(values | kw))


def test_a_booking_reads_with_its_mobile_masked_its_local_deadline_and_its_history() -> None:
    history = [
        BookingHistory(from_status=None, to_status="pending", reason="requested", actor="customer:C1", at=NOON_UTC)
    ]
    read = mapping.booking_read(booking(), history)
    assert read.contact_mobile == "138****8000"
    assert read.cancel_deadline.utcoffset() == dt.timedelta(hours=8) and read.cancel_deadline.hour == 12
    assert [(h.from_status, h.to_status) for h in read.history] == [(None, "pending")]
    assert read.ledger is None  # no consume or release asked yet


def test_the_ledger_step_shows_only_the_stable_error_code() -> None:
    waiting = booking(
        ledger_action="consume", ledger_reason="completed", ledger_error="service_unavailable: 10.0.0.3 refused"
    )
    assert mapping.ledger_state(waiting) == {
        "action": "consume",
        "reason": "completed",
        "done": False,
        "error": "service_unavailable",
    }
    done = booking(ledger_action="release", ledger_reason="cancelled", ledger_done_at=NOON_UTC)
    assert mapping.ledger_state(done) == {"action": "release", "reason": "cancelled", "done": True, "error": None}


def test_a_second_opinion_is_overdue_once_its_due_day_has_passed_unless_cancelled() -> None:
    row = SecondOpinion(
        id="SO1",
        customer_id="C1",
        beneficiary_id=None,
        service_code="second_opinion_domestic",
        partner_id="P1",
        status="requested",
        requested_at=NOON_UTC,
        contact_due=dt.date(2026, 9, 29),
        contacted_at=None,
        materials_complete_at=None,
        opinion_due=None,
        delivered_at=None,
    )
    assert mapping.opinion_read(row, dt.date(2026, 9, 29)).overdue == []  # the due day itself is in time
    assert mapping.opinion_read(row, dt.date(2026, 9, 30)).overdue == ["contact"]
    row.status = "cancelled"
    assert mapping.opinion_read(row, dt.date(2026, 9, 30)).overdue == []
