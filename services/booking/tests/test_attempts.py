"""The reserve saga (attempts.py): a unit is never stranded, a failed attempt frees its key."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import attempts
from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer
from vipkit.problems import NotEntitled

MON_0928 = "2026-09-28T10:00:00+08:00"


def test_request_hash_is_independent_of_key_order_and_sees_every_value() -> None:
    a = attempts.request_hash({"customer_id": "C1", "date": "2026-10-08"})
    assert a == attempts.request_hash({"date": "2026-10-08", "customer_id": "C1"})
    assert a != attempts.request_hash({"customer_id": "C1", "date": "2026-10-09"})


async def test_failed_write_releases_the_unit_and_frees_the_key(env: Env) -> None:
    ctx = env.app.state.booking
    customer = new_customer()
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "BKSAGA1", customer, "saga-key", "h")
    async with env.db.transaction() as session:  # the key is held while the attempt runs
        assert not await attempts.record_attempt(session, "BKSAGA2", customer, "saga-key", "h")

    async def write(session: AsyncSession, reservation_id: str) -> None:
        assert env.standin.reservations[reservation_id]["status"] == "reserved"
        raise RuntimeError("the write failed")

    unit = attempts.Unit("BKSAGA1", "booking", customer, "dental_cleaning", None)
    with pytest.raises(RuntimeError):
        await attempts.reserve_and_write(ctx, unit, write)
    [reservation] = env.standin.reservations.values()
    assert reservation["status"] == "released"
    assert await env.scalar("SELECT status FROM booking_attempts WHERE booking_id = 'BKSAGA1'") == "failed"
    assert await env.scalar("SELECT idempotency_key FROM booking_attempts WHERE booking_id = 'BKSAGA1'") is None
    async with env.db.transaction() as session:  # the customer may retry with the same key
        assert await attempts.record_attempt(session, "BKSAGA3", customer, "saga-key", "h")


async def test_successful_write_marks_the_attempt_booked_with_its_reservation(env: Env) -> None:
    ctx = env.app.state.booking
    customer = new_customer()
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "SOSAGA1", customer, None, "h")

    async def write(session: AsyncSession, reservation_id: str) -> str:
        return reservation_id

    unit = attempts.Unit("SOSAGA1", "opinion", customer, "dental_cleaning", None)
    reservation_id = await attempts.reserve_and_write(ctx, unit, write)
    assert env.standin.reservations[reservation_id]["status"] == "reserved"
    assert await env.scalar("SELECT status FROM booking_attempts WHERE booking_id = 'SOSAGA1'") == "booked"
    assert await env.scalar("SELECT reservation_id FROM booking_attempts WHERE booking_id = 'SOSAGA1'") == (
        reservation_id
    )


async def test_refused_reservation_closes_the_attempt_as_failed(env: Env) -> None:
    ctx = env.app.state.booking
    customer = new_customer()
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "BKNOQUOTA", customer, "k", "h")
    env.standin.not_entitled.add(customer)
    unit = attempts.Unit("BKNOQUOTA", "booking", customer, "dental_cleaning", None)
    with pytest.raises(NotEntitled):
        await attempts.reserve(ctx, unit)
    assert await env.scalar("SELECT status FROM booking_attempts WHERE booking_id = 'BKNOQUOTA'") == "failed"
    assert env.standin.reservations == {}


async def test_booking_answers_who_holds_a_reservation_for_entitlements_reconciliation(env: Env) -> None:
    """Issue 12: held while the booking (or request, or a reserving attempt) exists; else not."""
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "BKINFLIGHT", new_customer(), None, "h")
    for reference, held, by in (
        (booking_id, True, "booking"),
        ("BKINFLIGHT", True, "attempt"),
        ("BKNONE", False, None),
    ):
        r = await env.client.get(f"/api/v1/internal/reservation-holders/{reference}", headers=OPS)
        assert r.status_code == 200 and r.json() == {"reference": reference, "held": held, "by": by}
    r = await env.client.get("/api/v1/internal/reservation-holders/BKNONE", headers=customer_headers("C1"))
    assert r.status_code == 403


async def test_entitlements_internal_token_may_ask_who_holds_a_reservation_other_services_may_not(env: Env) -> None:
    """The orphaned-reservation pass calls with entitlements' internal token (not an ops token)."""
    from services.booking.tests.conftest import make_common_settings
    from vipkit.auth import mint_internal_token

    common = make_common_settings()
    for service, status in (("entitlements", 200), ("revisit", 403)):
        token = mint_internal_token(service, common)
        r = await env.client.get(
            "/api/v1/internal/reservation-holders/BKNONE", headers={"Authorization": f"Bearer {token}"}
        )
        assert r.status_code == status, (service, r.text)
