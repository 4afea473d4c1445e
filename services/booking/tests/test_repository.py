"""repository.py: booking's SQL — capacity counters that never overbook, attempts keyed by
idempotency key, compare-and-set transitions, reminders, the per-booking delivery order and leases,
inbound webhook ids, open second opinions; on a migrated SQLite and PostgreSQL database."""

from __future__ import annotations

import datetime as dt

from services.booking import repository as repo
from services.booking.models import Booking, SecondOpinion, WebhookAttempt, WebhookDelivery
from services.booking.tests.conftest import Env

T0 = dt.datetime(2026, 9, 28, 2, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 10, 8)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def booking(booking_id: str, status: str, day: dt.date = DAY, *, customer: str = "C1", minute: int = 0) -> Booking:
    return Booking(
        id=booking_id,
        customer_id=customer,
        service_code="dental_cleaning",
        clinic_id="CL1",
        partner_id="P1",
        date=day,
        status=status,
        reservation_id=f"R-{booking_id}",
        cancel_deadline=at(60 * 24),
        created_at=at(minute),
        updated_at=at(minute),
    )


def delivery(delivery_id: str, booking_id: str | None, status: str, created: int, due: int) -> WebhookDelivery:
    return WebhookDelivery(
        id=delivery_id,
        partner_id="P1",
        booking_id=booking_id,
        event_type="booking.requested",
        payload="{}",
        status=status,
        attempts=0,
        next_attempt_at=at(due),
        created_at=at(created),
    )


def attempt_values(attempt_id: str, customer: str, key: str | None, status: str, minute: int) -> dict[str, object]:
    return {
        "booking_id": attempt_id,
        "customer_id": customer,
        "idempotency_key": key,
        "request_hash": "h",
        "status": status,
        "created_at": at(minute),
        "updated_at": at(minute),
    }


async def test_take_place_never_exceeds_capacity_and_free_place_never_goes_below_zero(env: Env) -> None:
    async with env.db.transaction() as session:
        assert [await repo.take_place(session, "CL1", "dental_cleaning", DAY, 2) for _ in range(3)] == [
            True,
            True,
            False,
        ]
        assert await repo.booked_count(session, "CL1", "dental_cleaning", DAY) == 2
        assert await repo.booked_count(session, "CL2", "dental_cleaning", DAY) == 0  # per clinic
        for _ in range(3):
            await repo.free_place(session, "CL1", "dental_cleaning", DAY)
        assert await repo.booked_count(session, "CL1", "dental_cleaning", DAY) == 0
        await repo.free_place(session, "CL1", "dental_cleaning", DAY + dt.timedelta(days=1))  # no row: no-op
        assert await repo.take_place(session, "CL1", "dental_cleaning", DAY, 2)


async def test_booked_counts_covers_the_inclusive_range_of_one_service(env: Env) -> None:
    days = [DAY + dt.timedelta(days=n) for n in range(4)]
    async with env.db.transaction() as session:
        for n, day in enumerate(days):
            for _ in range(n + 1):
                assert await repo.take_place(session, "CL1", "dental_cleaning", day, 10)
        assert await repo.take_place(session, "CL1", "health_checkup", days[1], 10)
        counts = await repo.booked_counts(session, "CL1", "dental_cleaning", days[1], days[2])
    assert counts == {days[1]: 2, days[2]: 3}


async def test_an_idempotency_key_is_held_by_one_attempt_per_customer(env: Env) -> None:
    async with env.db.transaction() as session:
        assert await repo.insert_attempt(session, attempt_values("BKA1", "C1", "k1", "reserving", 0))
        assert not await repo.insert_attempt(session, attempt_values("BKA2", "C1", "k1", "reserving", 1))
        assert await repo.insert_attempt(session, attempt_values("BKA3", "C2", "k1", "reserving", 2))
        found = await repo.attempt_by_key(session, "C1", "k1")
        assert found is not None and found.booking_id == "BKA1"
        assert await repo.attempt_by_key(session, "C1", "k2") is None
        assert await repo.get_attempt(session, "BKA2") is None


async def test_stale_attempts_are_old_reserving_ones_and_every_release_pending_one(env: Env) -> None:
    async with env.db.transaction() as session:
        for attempt_id, status, minute in (
            ("BKOLD", "reserving", 0),
            ("BKNEW", "reserving", 30),
            ("BKPENDING", "release_pending", 40),
            ("BKBOOKED", "booked", 0),
            ("BKFAILED", "failed", 0),
        ):
            assert await repo.insert_attempt(session, attempt_values(attempt_id, "C1", None, status, minute))
        stale = await repo.stale_attempts(session, at(15))
        assert [a.booking_id for a in stale] == ["BKOLD", "BKPENDING"]  # oldest first
        assert [a.booking_id for a in await repo.stale_attempts(session, at(15), limit=1)] == ["BKOLD"]


async def test_set_status_if_is_a_compare_and_set_and_history_keeps_its_order(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add(booking("BK1", "pending"))
        await session.flush()
        assert await repo.set_status_if(session, "BK1", "pending", "confirmed", at(5))
        assert not await repo.set_status_if(session, "BK1", "pending", "rejected", at(6))  # lost the race
        await repo.add_history(session, "BK1", None, "pending", None, "C1", at(0))
        await repo.add_history(session, "BK1", "pending", "confirmed", "partner", "P1", at(5))
    async with env.db.transaction() as session:
        found = await repo.get_booking(session, "BK1")
        assert found is not None and (found.status, found.updated_at) == ("confirmed", at(5))
        history = await repo.booking_history(session, "BK1")
    assert [(h.from_status, h.to_status, h.actor) for h in history] == [
        (None, "pending", "C1"),
        ("pending", "confirmed", "P1"),
    ]


async def test_customer_bookings_latest_appointment_first_with_keyset_pages(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                booking("BKA", "pending", DAY, minute=0),
                booking("BKB", "confirmed", DAY + dt.timedelta(days=2), minute=1),
                booking("BKC", "confirmed", DAY, minute=2),
                booking("BKX", "pending", DAY, customer="C2"),
            ]
        )
    async with env.db.transaction() as session:
        assert [b.id for b in await repo.customer_bookings(session, "C1")] == ["BKB", "BKC", "BKA"]
        assert [b.id for b in await repo.customer_bookings(session, "C1", "confirmed")] == ["BKB", "BKC"]
        first = await repo.customer_bookings(session, "C1", limit=2)
        last = first[-1]
        rest = await repo.customer_bookings(session, "C1", after=(last.date, last.created_at, last.id))
    assert [b.id for b in first] == ["BKB", "BKC"] and [b.id for b in rest] == ["BKA"]


async def test_reminders_pick_unreminded_confirmed_bookings_in_the_window_once(env: Env) -> None:
    later = DAY + dt.timedelta(days=3)
    async with env.db.transaction() as session:
        session.add_all(
            [
                booking("BK2", "confirmed", DAY + dt.timedelta(days=1)),
                booking("BK1", "confirmed", DAY),
                booking("BKPENDING", "pending", DAY),
                booking("BKLATER", "confirmed", later),
            ]
        )
    async with env.db.transaction() as session:
        due = await repo.bookings_to_remind(session, DAY, DAY + dt.timedelta(days=1))
        assert [b.id for b in due] == ["BK1", "BK2"]
        assert await repo.mark_reminded(session, "BK1", at(10))
        assert not await repo.mark_reminded(session, "BK1", at(11))  # once only
        assert [b.id for b in await repo.bookings_to_remind(session, DAY, later)] == ["BK2", "BKLATER"]


async def test_list_deliveries_newest_first_with_their_attempts_in_order(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                delivery("msg_1", "B1", "delivered", created=0, due=0),
                delivery("msg_2", "B1", "failed", created=1, due=0),
                delivery("msg_3", "B2", "pending", created=2, due=0),
            ]
        )
        await session.flush()
        for n in (2, 1):
            session.add(
                WebhookAttempt(delivery_id="msg_2", attempt_no=n, started_at=at(n), duration_ms=3, outcome="failed")
            )
    async with env.db.transaction() as session:
        everything = await repo.list_deliveries(session, None, None)
        assert [(d.id, [a.attempt_no for a in tries]) for d, tries in everything] == [
            ("msg_3", []),
            ("msg_2", [1, 2]),
            ("msg_1", []),
        ]
        assert [d.id for d, _ in await repo.list_deliveries(session, "B1", "failed")] == ["msg_2"]
        page = await repo.list_deliveries(session, None, None, limit=1, after=(at(2), "msg_3"))
        assert [d.id for d, _ in page] == ["msg_2"]
        assert await repo.list_deliveries(session, "B-none", None) == []


async def test_an_inbound_webhook_id_is_remembered_once_per_partner(env: Env) -> None:
    async with env.db.transaction() as session:
        assert await repo.remember_inbound(session, "P1", "wh_1", "booking.confirmed", "BK1", at(0))
        assert not await repo.remember_inbound(session, "P1", "wh_1", "booking.confirmed", "BK1", at(1))
        assert await repo.remember_inbound(session, "P2", "wh_1", "booking.confirmed", "BK9", at(1))


async def test_open_opinions_are_the_unfinished_ones_oldest_first(env: Env) -> None:
    async with env.db.transaction() as session:
        for request_id, status, minute in (
            ("SO3", "materials_complete", 3),
            ("SO1", "requested", 1),
            ("SO2", "contacted", 2),
            ("SO4", "delivered", 0),
            ("SO5", "cancelled", 0),
        ):
            session.add(
                SecondOpinion(
                    id=request_id,
                    customer_id="C1",
                    service_code="second_opinion_domestic",
                    status=status,
                    requested_at=at(minute),
                    contact_due=DAY,
                    updated_at=at(minute),
                )
            )
    async with env.db.transaction() as session:
        assert [o.id for o in await repo.open_opinions(session)] == ["SO1", "SO2", "SO3"]
        found = await repo.get_opinion(session, "SO4")
        assert found is not None and found.status == "delivered"
