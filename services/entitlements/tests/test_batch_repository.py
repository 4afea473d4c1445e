"""entitlements batch_repository.py: the set-wise SQL of a batch of tier states (one statement per
batch) keeps the per-row rules — first writer wins, an older sequence never overwrites, a missing
birth date keeps the stored one — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.entitlements import batch_repository as batch
from services.entitlements import repository as repo
from services.entitlements.tests.conftest import new_customer
from services.entitlements.tests.test_repository import NOW, Y2026, new_grant, reservation, tier_values
from vipkit.db import Database

BIRTH = dt.date(1980, 2, 29)


def grant_row(customer: str, code: str, quota: int | None) -> dict[str, Any]:
    return {
        "customer_id": customer, "service_code": code, "period_start": Y2026[0], "period_end": Y2026[1],
        "quota": quota, "used": 0, "reserved": 0, "tier": "star_1", "created_at": NOW, "updated_at": NOW,
    }  # fmt: skip


async def test_tiers_insert_once_and_update_only_when_newer_keeping_the_birth_date(db: Database) -> None:
    a, b, c = new_customer(), new_customer(), new_customer()
    async with db.sessionmaker() as session, session.begin():
        assert await batch.insert_tiers(session, []) == set()
        first = [{**tier_values(a, "star_1", 3), "birth_date": BIRTH}, tier_values(b, "star_1", 3)]
        assert await batch.insert_tiers(session, first) == {a, b}
        assert await batch.insert_tiers(session, [tier_values(a, "star_5", 9), tier_values(c, "star_2", 1)]) == {c}
        locked = await batch.tiers_for_update(session, [a, b, "CNONE"])
        assert set(locked) == {a, b} and locked[a].tier == "star_1"
        await batch.update_tiers(session, [])
        await batch.update_tiers(session, [tier_values(a, "star_4", 4), tier_values(b, "star_4", 2)])
        stored = await batch.tiers_for_update(session, [a, b])
    assert (stored[a].tier, stored[a].sequence, stored[a].birth_date) == ("star_4", 4, BIRTH)
    assert (stored[b].tier, stored[b].sequence) == ("star_1", 3)  # sequence 2 is older than 3


async def test_grants_insert_on_conflict_and_quotas_set_in_one_go(db: Database) -> None:
    customer = new_customer()
    async with db.sessionmaker() as session, session.begin():
        assert await batch.insert_grants(session, []) == []
        inserted = await batch.insert_grants(
            session, [grant_row(customer, "child_courses", 2), grant_row(customer, "road_rescue", None)]
        )
        again = await batch.insert_grants(
            session, [grant_row(customer, "child_courses", 9), grant_row(customer, "health_assessment", None)]
        )
        assert {r.service_code for r in inserted} == {"child_courses", "road_rescue"}
        assert [r.service_code for r in again] == ["health_assessment"]
        ids = {r.service_code: r.id for r in inserted}
        assert await batch.set_quotas(session, [], NOW) == {}
        fresh = await batch.set_quotas(session, [{"id": ids["child_courses"], "quota": 3, "tier": "star_2"}], NOW)
        assert (fresh[ids["child_courses"]].quota, fresh[ids["child_courses"]].tier) == (3, "star_2")
        containing = await batch.grants_containing(session, [customer, "CNONE"], dt.date(2026, 6, 1))
        outside = await batch.grants_containing(session, [customer], dt.date(2027, 1, 1))
    assert set(containing) == {customer}
    assert set(containing[customer]) == {"child_courses", "road_rescue", "health_assessment"}
    assert containing[customer]["child_courses"].quota == 3
    assert outside == {}


async def test_used_units_are_the_reserved_and_consumed_ones_with_their_period(db: Database) -> None:
    customer, other = new_customer(), new_customer()
    grant = await new_grant(db, customer, quota=5)
    others = await new_grant(db, other, quota=5)
    async with db.sessionmaker() as session, session.begin():
        for rid, status in (("rs_r", "reserved"), ("rs_c", "consumed"), ("rs_x", "released")):
            await repo.insert_reservation_ignore(session, reservation(rid, grant, NOW, status=status))
        await repo.insert_reservation_ignore(session, reservation("rs_o", others, NOW))
        units = await batch.used_units(session, [customer])
    assert len(units) == 2
    assert {(u.customer_id, u.service_code, u.period_start, u.period_end) for u in units} == {
        (customer, "child_courses", *Y2026)
    }
