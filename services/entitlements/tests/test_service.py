"""Grants from tier states, reservations and periods (SPEC 3.1), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from services.entitlements import repository as repo
from services.entitlements import service, views
from services.entitlements.catalog import load_catalog
from services.entitlements.tests.conftest import at, new_customer, set_tier
from vipkit import clock
from vipkit.db import Database

STARS, LEVELS, CARDS = load_catalog("stars"), load_catalog("levels"), load_catalog("cards")


async def reserve(
    db: Database, catalog, customer_id: str, code: str, when: str, *, key: str | None = None, beneficiary=None
):
    with clock.frozen(at(when)):
        async with db.sessionmaker() as session, session.begin():
            return await service.reserve(
                session,
                catalog,
                customer_id=customer_id,
                service_code=code,
                beneficiary_id=beneficiary,
                reference=f"B-{code}-{when}",
                idempotency_key=key or f"{customer_id}-{code}-{when}",
            )


async def settle(db: Database, reservation_id: str, when: str, *, consume: bool, reason: str):
    with clock.frozen(at(when)):
        async with db.sessionmaker() as session, session.begin():
            return await service.settle(session, reservation_id, consume=consume, reason=reason)


async def view(db: Database, catalog, customer_id: str, when: str) -> dict:
    with clock.frozen(at(when)):
        async with db.sessionmaker() as session:
            result = (await views.entitlements_view(session, catalog, customer_id)).model_dump(mode="json")
    return {s["service_code"]: s for s in result["services"]} | {"_": result}


async def test_initial_tier_grants_the_tier_services_for_the_current_period(db: Database):
    c = new_customer()
    result = await set_tier(db, STARS, c, "star_2", 1, "2026-05-09T10:00")
    assert result.applied
    v = await view(db, STARS, c, "2026-05-10T09:00")
    assert v["_"]["tier"] == "star_2"
    so = v["second_opinion_domestic"]
    assert (so["quota"], so["used"], so["reserved"], so["remaining"], so["available"]) == (2, 0, 0, 2, True)
    assert (so["period_start"], so["period_end"]) == ("2026-01-01", "2026-12-31")
    assert v["child_courses"]["quota"] == 3
    assert v["health_assessment"]["quota"] is None and v["health_assessment"]["remaining"] is None
    intl = v["second_opinion_international"]
    assert not intl["available"] and intl["remaining"] == 0 and "star_4" in intl["reason"]


async def test_upgrade_mid_year_with_one_unit_used_keeps_it_and_applies_the_new_quota(db: Database):
    c = new_customer()
    await set_tier(db, STARS, c, "star_1", 1, "2026-02-01T10:00")
    r = await reserve(db, STARS, c, "child_courses", "2026-03-01T10:00")
    await settle(db, r.reservation.id, "2026-03-02T10:00", consume=True, reason="completed")
    assert (await view(db, STARS, c, "2026-03-03T10:00"))["child_courses"]["remaining"] == 1  # 2 - 1
    await set_tier(db, STARS, c, "star_3", 2, "2026-06-15T10:00")
    courses = (await view(db, STARS, c, "2026-06-16T10:00"))["child_courses"]
    assert (courses["quota"], courses["used"], courses["remaining"]) == (4, 1, 3)
    with clock.frozen(at("2026-06-16T10:00")):
        async with db.sessionmaker() as session:
            ledger = (await views.ledger_view(session, STARS, c, "child_courses")).model_dump(mode="json")
    actions = [e["action"] for e in ledger["items"]]
    assert actions == ["granted", "reserved", "consumed", "quota_changed"]
    assert "upgrade star_1 -> star_3" in ledger["items"][-1]["reason"]


async def test_levels_upgrade_gold_to_platinum_used_cleaning_still_counts(db: Database):
    c = new_customer()
    await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
    r = await reserve(db, LEVELS, c, "dental_cleaning", "2026-02-01T10:00")
    await settle(db, r.reservation.id, "2026-02-10T10:00", consume=True, reason="completed")
    await set_tier(db, LEVELS, c, "platinum", 2, "2026-04-01T10:00")
    v = await view(db, LEVELS, c, "2026-04-02T10:00")
    assert (v["dental_cleaning"]["used"], v["dental_cleaning"]["remaining"]) == (1, 0)
    assert v["dental_cleaning"]["package"] == "premium"
    assert v["health_checkup"]["remaining"] == 1
    with pytest.raises(service.QuotaExhausted):
        await reserve(db, LEVELS, c, "dental_cleaning", "2026-04-03T10:00")


async def test_downgrade_with_a_confirmed_booking_still_honoured(db: Database):
    c = new_customer()
    await set_tier(db, LEVELS, c, "platinum", 1, "2026-01-10T10:00")
    r = await reserve(db, LEVELS, c, "health_checkup", "2026-06-20T10:00")
    await set_tier(db, LEVELS, c, "gold", 2, "2026-06-30T10:00")  # 30 Jun review: downgrade
    v = await view(db, LEVELS, c, "2026-07-01T10:00")
    checkup = v["health_checkup"]
    assert not checkup["available"] and checkup["reserved"] == 1 and checkup["remaining"] == 0
    with pytest.raises(service.NotEntitled):
        await reserve(db, LEVELS, c, "health_checkup", "2026-07-01T10:00")
    done = await settle(db, r.reservation.id, "2026-07-05T10:00", consume=True, reason="completed")
    assert done.reservation.status == "consumed"
    checkup = (await view(db, LEVELS, c, "2026-07-06T10:00"))["health_checkup"]
    assert (checkup["used"], checkup["reserved"]) == (1, 0)


async def test_invalid_customer_keeps_existing_reservation_releasable(db: Database):
    c = new_customer()
    await set_tier(db, STARS, c, "star_2", 1, "2026-01-10T10:00")
    r = await reserve(db, STARS, c, "second_opinion_domestic", "2026-02-01T10:00")
    await set_tier(db, STARS, c, "none", 2, "2026-02-02T10:00", status="invalid")
    v = await view(db, STARS, c, "2026-02-03T10:00")
    assert all(not s["available"] for k, s in v.items() if k != "_")
    released = await settle(db, r.reservation.id, "2026-02-03T10:00", consume=False, reason="rejected")
    assert released.reservation.status == "released"


async def test_new_year_starts_with_a_fresh_grant_and_zero_carried_over(db: Database):
    c = new_customer()
    await set_tier(db, STARS, c, "star_5", 1, "2026-01-05T10:00")
    for i in range(2):  # 2 of 3 referrals used in 2026, 1 unused
        r = await reserve(db, STARS, c, "registration_referral", f"2026-0{i + 3}-01T10:00")
        await settle(db, r.reservation.id, f"2026-0{i + 3}-05T10:00", consume=True, reason="completed")
    assert (await view(db, STARS, c, "2026-12-31T23:00"))["registration_referral"]["remaining"] == 1
    new_year = (await view(db, STARS, c, "2027-01-01T08:00"))["registration_referral"]
    assert (new_year["quota"], new_year["used"], new_year["remaining"]) == (3, 0, 3)  # not 4: no carry-over
    assert new_year["period_start"] == "2027-01-01"
    r = await reserve(db, STARS, c, "registration_referral", "2027-01-02T10:00")
    assert (r.reservation.period_start.isoformat(), r.remaining) == ("2027-01-01", 2)


async def test_a_reservation_made_in_one_period_is_consumed_against_that_period(db: Database):
    c = new_customer()
    await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
    r = await reserve(db, LEVELS, c, "dental_cleaning", "2026-12-28T10:00")  # appointment early January
    await settle(db, r.reservation.id, "2027-01-04T10:00", consume=True, reason="completed")
    async with db.sessionmaker() as session:
        old = await repo.find_grant(
            session, c, "dental_cleaning", at("2026-01-01T00:00").date(), at("2026-12-31T00:00").date()
        )
    assert old is not None and (old.used, old.reserved) == (1, 0)
    v = (await view(db, LEVELS, c, "2027-01-05T10:00"))["dental_cleaning"]
    assert (v["period_start"], v["used"], v["remaining"]) == ("2027-01-01", 0, 1)


async def test_cards_platinum_to_diamond_checkup_used_this_year_is_counted(db: Database):
    c = new_customer()
    await set_tier(db, CARDS, c, "platinum", 1, "2026-01-02T10:00")
    r = await reserve(db, CARDS, c, "vip_checkup", "2026-03-01T10:00")
    await settle(db, r.reservation.id, "2026-03-10T10:00", consume=True, reason="completed")
    await set_tier(db, CARDS, c, "diamond", 2, "2026-06-01T10:00")
    v = (await view(db, CARDS, c, "2026-06-02T10:00"))["vip_checkup"]
    assert (v["period_start"], v["period_end"], v["quota"], v["used"], v["remaining"]) == (
        "2026-01-01",
        "2026-12-31",
        1,
        1,
        0,
    )
    v2027 = (await view(db, CARDS, c, "2027-01-02T10:00"))["vip_checkup"]
    assert (v2027["period_start"], v2027["remaining"]) == ("2027-01-01", 1)


async def test_cards_thirty_day_waiting_period_after_the_card_takes_effect(db: Database):
    c = new_customer()
    await set_tier(db, CARDS, c, "health_gold", 1, "2026-03-01T10:00")
    v = await view(db, CARDS, c, "2026-03-15T10:00")
    assert v["_"]["waiting_until"] == "2026-03-31"
    assert not v["vip_checkup"]["available"] and "waiting period" in v["vip_checkup"]["reason"]
    with pytest.raises(service.NotEntitled, match="waiting period"):
        await reserve(db, CARDS, c, "vip_checkup", "2026-03-30T23:00")
    ok = await reserve(db, CARDS, c, "vip_checkup", "2026-03-31T09:00")
    assert ok.created and ok.remaining == 0


async def test_provisional_rating_grants_nothing_effective_tier_none(db: Database):
    c = new_customer()
    result = await set_tier(db, STARS, c, "none", 1, "2026-05-09T10:00", status="provisional")
    assert result.applied and result.grant_changes == []
    with pytest.raises(service.NotEntitled):
        await reserve(db, STARS, c, "health_assessment", "2026-05-10T10:00")


async def test_an_older_sequence_never_undoes_a_newer_state(db: Database):
    c = new_customer()
    await set_tier(db, LEVELS, c, "diamond", 3, "2026-05-01T10:00")
    stale = await set_tier(db, LEVELS, c, "gold", 2, "2026-05-02T10:00")
    same = await set_tier(db, LEVELS, c, "gold", 3, "2026-05-02T10:00")
    assert not stale.applied and not same.applied
    v = await view(db, LEVELS, c, "2026-05-03T10:00")
    assert v["_"]["tier"] == "diamond" and v["special_exam"]["available"]


async def test_unknown_tier_or_other_program_is_rejected(db: Database):
    c = new_customer()
    with pytest.raises(service.TierStateRejected):
        await set_tier(db, LEVELS, c, "star_5", 1, "2026-05-01T10:00")


async def test_same_idempotency_key_returns_the_same_reservation(db: Database):
    c = new_customer()
    await set_tier(db, STARS, c, "star_2", 1, "2026-01-10T10:00")
    first = await reserve(db, STARS, c, "second_opinion_domestic", "2026-02-01T10:00", key="K1" + c)
    again = await reserve(db, STARS, c, "second_opinion_domestic", "2026-02-01T10:05", key="K1" + c)
    assert first.created and not again.created and again.reservation.id == first.reservation.id
    v = (await view(db, STARS, c, "2026-02-02T10:00"))["second_opinion_domestic"]
    assert (v["reserved"], v["remaining"]) == (1, 1)
    with pytest.raises(service.IdempotencyConflict):
        await reserve(db, STARS, c, "child_courses", "2026-02-01T10:05", key="K1" + c)


async def test_cards_waiting_period_counts_from_the_policy_effective_or_reinstatement_date(db: Database):
    """SPEC 3 (002): 30 days after the policy takes effect or is reinstated, not 30 days after the card."""
    c = new_customer()
    # the policy takes effect 2026-05-09; the card is formal at the end of cooling-off, 2026-05-24
    await set_tier(db, CARDS, c, "silver", 1, "2026-05-24T00:00", waiting_from=dt.date(2026, 5, 9))
    v = await view(db, CARDS, c, "2026-06-07T10:00")
    assert v["_"]["waiting_until"] == "2026-06-08"
    assert not v["domestic_rescue"]["available"] and "waiting period" in v["domestic_rescue"]["reason"]
    with pytest.raises(service.NotEntitled, match="waiting period"):
        await reserve(db, CARDS, c, "domestic_rescue", "2026-06-07T23:00")
    assert (await reserve(db, CARDS, c, "domestic_rescue", "2026-06-08T09:00")).created
    # a new policy that raises the card does not restart it
    await set_tier(db, CARDS, c, "gold", 2, "2026-07-01T00:00", waiting_from=dt.date(2026, 7, 1))
    assert (await view(db, CARDS, c, "2026-07-02T10:00"))["_"]["waiting_until"] == "2026-06-08"
    # the policy lapses (card lost) and is reinstated on 2026-09-10: the waiting period restarts
    await set_tier(db, CARDS, c, "none", 3, "2026-08-01T10:00")
    await set_tier(db, CARDS, c, "gold", 4, "2026-09-10T10:00", waiting_from=dt.date(2026, 9, 10))
    v = await view(db, CARDS, c, "2026-09-11T10:00")
    assert v["_"]["waiting_until"] == "2026-10-10" and not v["phone_doctor"]["available"]


async def test_cards_rescue_age_at_most_65_applies_to_the_insured_too(db: Database):
    """SPEC 3 (002): rescue only for people <= 65 — the card's insured as well as relatives."""
    old, young = new_customer(), new_customer()
    since = dt.date(2026, 1, 1)
    await set_tier(db, CARDS, old, "silver", 1, "2026-03-01T10:00", birth_date=dt.date(1960, 5, 31), waiting_from=since)
    await set_tier(
        db, CARDS, young, "silver", 1, "2026-03-01T10:00", birth_date=dt.date(1961, 6, 1), waiting_from=since
    )
    v = await view(db, CARDS, old, "2026-06-01T10:00")  # 66 today
    rescue = v["domestic_rescue"]
    assert not rescue["available"] and "65" in rescue["reason"] and rescue["beneficiaries"] == []
    with pytest.raises(service.NotEntitled, match="older than the limit of 65"):
        await reserve(db, CARDS, old, "domestic_rescue", "2026-06-01T10:00")
    v = await view(db, CARDS, young, "2026-06-01T10:00")  # 65 today: still served
    assert v["domestic_rescue"]["available"] and [b["kind"] for b in v["domestic_rescue"]["beneficiaries"]] == [
        "holder"
    ]
    assert (await reserve(db, CARDS, young, "domestic_rescue", "2026-06-01T10:00")).created
    # the birth date is kept when a later event does not carry it
    await set_tier(db, CARDS, old, "gold", 2, "2026-06-02T10:00")
    with pytest.raises(service.NotEntitled, match="older than the limit of 65"):
        await reserve(db, CARDS, old, "international_rescue", "2026-06-02T10:00")
