"""reconcile_repository.py: the SQL behind the reservation comparison — which final bookings and
opinions lack a live ledger job, which live ones are old enough to check, and ledger job lookup by
dedupe key; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from services.booking import reconcile_repository as repo
from services.booking.models import Booking, SecondOpinion
from services.booking.tests.conftest import Env
from vipkit import durable
from vipkit.plumbing import durable_jobs_table

T0 = dt.datetime(2026, 9, 28, 2, 0, tzinfo=dt.UTC)


def booking(booking_id: str, status: str, action: str | None, *, done: bool = False, minute: int = 0) -> Booking:
    at = T0 + dt.timedelta(minutes=minute)
    return Booking(
        id=booking_id,
        customer_id="C1",
        service_code="dental_cleaning",
        clinic_id="CL1",
        partner_id="P1",
        date=dt.date(2026, 10, 8),
        status=status,
        reservation_id=f"R-{booking_id}",
        cancel_deadline=T0 + dt.timedelta(days=2),
        ledger_action=action,
        ledger_done_at=at if done else None,
        created_at=at,
        updated_at=at,
    )


def opinion(request_id: str, status: str, *, reservation: bool = True, minute: int = 0) -> SecondOpinion:
    at = T0 + dt.timedelta(minutes=minute)
    return SecondOpinion(
        id=request_id,
        customer_id="C1",
        service_code="second_opinion_domestic",
        status=status,
        reservation_id=f"R-{request_id}" if reservation else None,
        requested_at=at,
        contact_due=dt.date(2026, 9, 29),
        updated_at=at,
    )


async def add_job(env: Env, dedupe_key: str, state: str) -> None:
    async with env.db.transaction() as session:
        assert await durable.enqueue(session, "booking_ledger", {}, dedupe_key=dedupe_key)
        await session.execute(
            update(durable_jobs_table).where(durable_jobs_table.c.dedupe_key == dedupe_key).values(state=state)
        )


async def test_unsettled_bookings_are_those_whose_job_is_missing_dead_or_discarded(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                booking("BKMISSING", "rejected", "release", minute=4),
                booking("BKDEAD", "completed", "consume", minute=1),
                booking("BKDISCARDED", "cancelled", "release", minute=2),
                booking("BKPENDING", "rejected", "release", minute=3),  # its job is on its way
                booking("BKDONE", "rejected", "release", done=True),  # settled
                booking("BKLIVE", "pending", None),  # nothing to settle
            ]
        )
    await add_job(env, "booking-ledger:BKDEAD:consume", "dead")
    await add_job(env, "booking-ledger:BKDISCARDED:release", "discarded")
    await add_job(env, "booking-ledger:BKPENDING:release", "pending")
    async with env.db.transaction() as session:
        found = await repo.unsettled_bookings(session, limit=10)
        assert [(b.id, state) for b, state in found] == [
            ("BKDEAD", "dead"),
            ("BKDISCARDED", "discarded"),
            ("BKMISSING", None),
        ]  # oldest update first
        assert [b.id for b, _ in await repo.unsettled_bookings(session, limit=2)] == ["BKDEAD", "BKDISCARDED"]


async def test_a_booking_job_keyed_for_the_other_action_does_not_count(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add(booking("BKOTHER", "rejected", "release"))
    await add_job(env, "booking-ledger:BKOTHER:consume", "pending")
    async with env.db.transaction() as session:
        assert [(b.id, s) for b, s in await repo.unsettled_bookings(session, 10)] == [("BKOTHER", None)]


async def test_unsettled_opinions_pair_each_final_status_with_its_action(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                opinion("SODELIVERED", "delivered"),
                opinion("SOCANCELLED", "cancelled", minute=1),
                opinion("SODEAD", "cancelled", minute=2),
                opinion("SOPENDING", "delivered", minute=3),
                opinion("SONORES", "cancelled", reservation=False),  # never reserved: nothing to settle
                opinion("SOLIVE", "contacted"),
            ]
        )
    await add_job(env, "opinion-ledger:SODEAD:release", "dead")
    await add_job(env, "opinion-ledger:SOPENDING:consume", "pending")
    async with env.db.transaction() as session:
        found = await repo.unsettled_opinions(session, limit=10)
    assert sorted((o.id, action, state) for o, action, state in found) == [
        ("SOCANCELLED", "release", None),
        ("SODEAD", "release", "dead"),
        ("SODELIVERED", "consume", None),
    ]


async def test_live_holders_are_live_bookings_and_opinions_older_than_the_cutoff(env: Env) -> None:
    async with env.db.transaction() as session:
        session.add_all(
            [
                booking("BKPENDING", "pending", None),
                booking("BKCONFIRMED", "confirmed", None, minute=5),
                booking("BKYOUNG", "confirmed", None, minute=30),  # too recent to judge
                booking("BKCANCELLED", "cancelled", "release"),
                opinion("SOREQUESTED", "requested"),
                opinion("SOMATERIALS", "materials_complete"),
                opinion("SONORES", "requested", reservation=False),
                opinion("SODELIVERED", "delivered"),
            ]
        )
    cutoff = T0 + dt.timedelta(minutes=15)
    async with env.db.transaction() as session:
        found = await repo.live_holders(session, cutoff, limit=10)
        assert sorted(found) == [
            ("booking", "BKCONFIRMED", "R-BKCONFIRMED"),
            ("booking", "BKPENDING", "R-BKPENDING"),
            ("opinion", "SOMATERIALS", "R-SOMATERIALS"),
            ("opinion", "SOREQUESTED", "R-SOREQUESTED"),
        ]
        sample = await repo.live_holders(session, cutoff, limit=1)
    assert sorted(kind for kind, _, _ in sample) == ["booking", "opinion"]  # the limit is per kind


async def test_job_id_finds_a_job_by_its_dedupe_key(env: Env) -> None:
    await add_job(env, "booking-ledger:BK1:release", "dead")
    async with env.db.transaction() as session:
        found = await repo.job_id(session, "booking-ledger:BK1:release")
        assert isinstance(found, int)
        assert await repo.job_id(session, "booking-ledger:BK1:consume") is None
