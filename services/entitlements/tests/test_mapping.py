"""Entitlements' row -> rules values -> schema mapping (``mapping.py``): pure, no database."""

from __future__ import annotations

import datetime as dt

from services.entitlements import mapping
from services.entitlements.models import Grant, LedgerEntry, Relative, Reservation
from vipkit import clock

UTC_NOON = dt.datetime(2026, 6, 1, 4, 0, tzinfo=dt.UTC)  # 12:00 in Shanghai


def relative() -> Relative:
    return Relative(
        customer_id="C1",
        relative_id="R1",
        name="李娜",
        relation="spouse",
        id_no="110101198001011234",
        birth_date=dt.date(1980, 6, 2),
        designated_at=UTC_NOON,
        updated_at=UTC_NOON,
    )


def test_a_relative_reads_masked_with_age_on_the_day_in_shanghai_time() -> None:
    read = mapping.relative_read(relative(), dt.date(2026, 6, 1), ["domestic_rescue"])
    assert read.id_no == "110101********1234"
    assert read.age == 45  # 46 on 2 June
    assert mapping.relative_read(relative(), dt.date(2026, 6, 2), []).age == 46
    assert read.designated_at.utcoffset() == dt.timedelta(hours=8) and read.designated_at == UTC_NOON
    assert read.services == ["domestic_rescue"]
    facts = mapping.relative_facts(relative())
    assert (facts.relation, facts.birth_date) == ("spouse", dt.date(1980, 6, 2))


def test_the_customer_and_a_relative_as_beneficiaries() -> None:
    assert mapping.HOLDER.model_dump() == {"beneficiary_id": None, "kind": "holder", "name": "本人", "relation": None}
    who = mapping.beneficiary(relative())
    assert (who.beneficiary_id, who.kind, who.name, who.relation) == ("R1", "relative", "李娜", "spouse")


def test_a_reservation_reads_with_the_remaining_units_and_local_times() -> None:
    r = Reservation(
        id="RS1",
        idempotency_key="k",
        customer_id="C1",
        service_code="vip_checkup",
        beneficiary_id=None,
        reference="BK1",
        grant_id=1,
        status="reserved",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        reason=None,
        created_at=UTC_NOON,
        updated_at=UTC_NOON + dt.timedelta(minutes=5),
    )
    read = mapping.reservation_read(r, 2)
    assert (read.reservation_id, read.status, read.remaining, read.reference) == ("RS1", "reserved", 2, "BK1")
    assert read.created_at.tzinfo is not None and read.created_at.astimezone(clock.SHANGHAI).hour == 12
    assert read.updated_at - read.created_at == dt.timedelta(minutes=5)
    assert mapping.reservation_read(r, None).remaining is None  # unlimited


def test_a_ledger_entry_reads_with_its_grant_period_and_the_remaining_units() -> None:
    grant = Grant(period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31))
    entry = LedgerEntry(
        id=7, action="consumed", units=1, reservation_id="RS1", quota=3, used=2, reserved=0, reason="completed"
    )
    entry.created_at = UTC_NOON
    read = mapping.ledger_entry_read(entry, grant)
    assert (read.id, read.action, read.quota, read.used, read.remaining) == (7, "consumed", 3, 2, 1)
    assert (read.period_start, read.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    unlimited = LedgerEntry(id=8, action="granted", units=0, quota=None, used=0, reserved=0, reason="tier")
    unlimited.created_at = UTC_NOON
    assert mapping.ledger_entry_read(unlimited, grant).remaining is None
