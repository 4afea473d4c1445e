"""entitlements repository.py: the conditional SQL the use cases rely on — newest tier state wins,
units are reserved only while some remain, a reservation settles once — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.entitlements import jobs
from services.entitlements import repository as repo
from services.entitlements.models import Grant
from services.entitlements.tests.conftest import at, new_customer
from vipkit import clock
from vipkit.db import Database

NOW = at("2026-06-01T10:00")
Y2026 = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def tier_values(customer: str, tier: str, sequence: int) -> dict[str, Any]:
    return {
        "customer_id": customer, "program": "stars", "tier": tier, "status": "confirmed", "sequence": sequence,
        "score": "1", "effective_at": NOW, "entitled_since": NOW.date(), "birth_date": None, "source": "test",
        "updated_at": NOW,
    }  # fmt: skip


async def new_grant(db: Database, customer: str, quota: int | None, period: tuple[dt.date, dt.date] = Y2026) -> Grant:
    async with db.sessionmaker() as session, session.begin():
        values = {
            "customer_id": customer, "service_code": "child_courses", "period_start": period[0],
            "period_end": period[1], "quota": quota, "used": 0, "reserved": 0, "tier": "star_1",
            "created_at": NOW, "updated_at": NOW,
        }  # fmt: skip
        assert await repo.insert_grant_ignore(session, values) is True
        assert await repo.insert_grant_ignore(session, {**values, "quota": 99}) is False
        grant = await repo.find_grant(session, customer, "child_courses", *period)
    assert grant is not None
    return grant


async def test_an_older_or_equal_tier_sequence_never_overwrites_a_newer_one(db: Database) -> None:
    customer = new_customer()
    async with db.sessionmaker() as session, session.begin():
        assert await repo.insert_tier(session, tier_values(customer, "star_2", 5)) is True
        assert await repo.insert_tier(session, tier_values(customer, "star_1", 1)) is False
        assert await repo.update_tier_if_newer(session, customer, tier_values(customer, "star_1", 4)) is False
        assert await repo.update_tier_if_newer(session, customer, tier_values(customer, "star_1", 5)) is False
        assert (await repo.get_tier(session, customer, lock=True)).tier == "star_2"  # type: ignore[union-attr]
        assert await repo.update_tier_if_newer(session, customer, tier_values(customer, "star_3", 6)) is True
        stored = await repo.get_tier(session, customer)
    assert stored is not None and (stored.tier, stored.sequence) == ("star_3", 6)


async def test_units_are_reserved_only_while_some_remain_and_settle_once(db: Database) -> None:
    customer = new_customer()
    grant = await new_grant(db, customer, quota=2)
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            taken = [await repo.reserve_unit(session, grant.id) for _ in range(3)]
            assert [t is not None for t in taken] == [True, True, False]
            assert taken[1] is not None and (taken[1].used, taken[1].reserved) == (0, 2)  # the grant after it
            await repo.settle_unit(session, grant.id, consume=True)
            await repo.settle_unit(session, grant.id, consume=False)
            after = await repo.get_grant(session, grant.id)
            assert (after.used, after.reserved) == (1, 0)
            await repo.settle_unit(session, grant.id, consume=True)  # nothing reserved: no change
            after = await repo.get_grant(session, grant.id)
            assert (after.used, after.reserved) == (1, 0)
            assert await repo.reserve_unit(session, grant.id) is not None  # one of two left
            assert await repo.reserve_unit(session, grant.id) is None


async def test_an_unlimited_grant_always_reserves(db: Database) -> None:
    grant = await new_grant(db, new_customer(), quota=None)
    async with db.sessionmaker() as session, session.begin():
        assert all([await repo.reserve_unit(session, grant.id) is not None for _ in range(5)])
        assert (await repo.get_grant(session, grant.id)).reserved == 5


def reservation(rid: str, grant: Grant, created: dt.datetime, **overrides: Any) -> dict[str, Any]:
    values = {
        "id": rid, "idempotency_key": f"key-{rid}", "customer_id": grant.customer_id,
        "service_code": grant.service_code, "beneficiary_id": None, "reference": "BK1", "grant_id": grant.id,
        "period_start": grant.period_start, "period_end": grant.period_end, "status": "reserved", "reason": None,
        "created_at": created, "updated_at": created,
    }  # fmt: skip
    values.update(overrides)
    return values


async def test_reservations_are_idempotent_stale_ones_found_and_transitions_happen_once(db: Database) -> None:
    grant = await new_grant(db, new_customer(), quota=5)
    old, recent = NOW - dt.timedelta(hours=2), NOW - dt.timedelta(minutes=5)
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            assert await repo.insert_reservation_ignore(session, reservation("rs_old", grant, old)) is True
            assert await repo.insert_reservation_ignore(session, reservation("rs_new", grant, recent)) is True
            dup = reservation("rs_dup", grant, recent, idempotency_key="key-rs_old")
            assert await repo.insert_reservation_ignore(session, dup) is False
            assert (await repo.reservation_by_key(session, "key-rs_old")).id == "rs_old"  # type: ignore[union-attr]
            stale = await repo.stale_reserved(session, NOW - dt.timedelta(hours=1))
            assert [r.id for r in stale] == ["rs_old"]
            assert [r.id for r in await repo.reservations_by_reference(session, "BK1")] == ["rs_old", "rs_new"]
            assert await repo.transition_reservation(session, "rs_old", to_status="released", reason="orphan") is True
            assert await repo.transition_reservation(session, "rs_old", to_status="consumed", reason="late") is False
            released = await repo.get_reservation(session, "rs_old")
            assert released is not None and (released.status, released.reason) == ("released", "orphan")
            assert await repo.stale_reserved(session, NOW) == [await repo.get_reservation(session, "rs_new")]


async def test_every_stale_reservation_is_found_page_by_page_past_the_first_page(db: Database) -> None:
    grant = await new_grant(db, new_customer(), quota=20)
    old = NOW - dt.timedelta(hours=2)
    ids = [f"rs_page_{n:02d}" for n in range(7)]
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            for n, rid in enumerate(ids):  # two share a created_at: the id breaks the tie
                created = old + dt.timedelta(minutes=min(n, 5))
                assert await repo.insert_reservation_ignore(session, reservation(rid, grant, created))
            first = await repo.stale_reserved(session, NOW, limit=3)
            second = await repo.stale_reserved(session, NOW, limit=3, after=(first[-1].created_at, first[-1].id))
    assert [r.id for r in first] == ids[:3] and [r.id for r in second] == ids[3:6]
    found = await jobs.stale_reservations(db, NOW, page=3)  # what the orphan passes read: all of them
    assert [rid for rid, _ref in found] == ids


async def test_use_days_counts_only_other_overlapping_grants_active_reservations(db: Database) -> None:
    customer = new_customer()
    two_years = await new_grant(db, customer, quota=1, period=(dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
    this_year = await new_grant(db, customer, quota=1)
    used_on = at("2026-03-05T09:00")
    async with db.sessionmaker() as session, session.begin():
        await repo.insert_reservation_ignore(session, reservation("rs_a", two_years, used_on, status="consumed"))
        await repo.insert_reservation_ignore(session, reservation("rs_b", two_years, used_on, status="released"))
        await repo.insert_reservation_ignore(session, reservation("rs_c", this_year, used_on))
        days = await repo.use_days(session, customer, "child_courses", *Y2026)
        own = await repo.use_days(session, customer, "child_courses", dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert days == [dt.date(2026, 3, 5)]  # the two-year grant's consumed unit; not the released, not its own
    assert own == [dt.date(2026, 3, 5)]  # seen from the two-year grant: the yearly grant's reserved unit
