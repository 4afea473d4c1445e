"""Grants (SPEC 3.1): the reason texts, the change event, and grant creation and quota changes with
their ledger rows and entitlement.changed.v1 events, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from contracts.events import Topic
from services.entitlements import grants
from services.entitlements import repository as repo
from services.entitlements.catalog import NO_TIER, load_catalog
from services.entitlements.models import CustomerTier
from services.entitlements.rules import PeriodRange
from services.entitlements.tests.conftest import at, new_customer
from vipkit import clock
from vipkit.db import Database, outbox_table
from vipkit.problems import NotFound

STARS, CARDS = load_catalog("stars"), load_catalog("cards")
YEAR_2026 = PeriodRange(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
DAY = dt.date(2026, 6, 1)
NOW = at("2026-06-01T10:00")


def test_reason_texts_say_unlimited_carried_units_and_a_removed_service() -> None:
    assert grants.granted_reason("tier", None, YEAR_2026, "star_1", 0) == (
        "tier: unlimited for 2026-01-01..2026-12-31 at tier star_1"
    )
    assert grants.granted_reason("tier", 3, YEAR_2026, "star_2", 2) == (
        "tier: 3 for 2026-01-01..2026-12-31 at tier star_2; 2 unit(s) already used in this period under the previous tier"
    )
    assert grants.quota_reason("tier", 2, 3, "star_2") == "tier: quota 2 -> 3 at tier star_2"
    assert grants.quota_reason("tier", 4, None, "star_5") == "tier: quota 4 -> unlimited at tier star_5"
    assert grants.quota_reason("down", None, 0, "none").endswith(
        "quota unlimited -> 0 at tier none (not in this tier: no new reservations; existing ones stay honoured)"
    )


def test_change_event_carries_the_numbers_and_remaining_never_below_zero() -> None:
    row = SimpleNamespace(
        customer_id="C1", service_code="child_courses", period_start=YEAR_2026.start, period_end=YEAR_2026.end,
        quota=2, used=2, reserved=1,
    )  # fmt: skip
    event = grants.change_event(row, "reserved", "rs_1")
    assert (event.quota, event.used, event.reserved, event.remaining) == (2, 2, 1, 0)
    assert (event.reason, event.reservation_id) == ("reserved", "rs_1")
    row.quota = None
    assert grants.change_event(row, "x").remaining is None


def test_service_lookup_tier_and_waiting_period() -> None:
    assert grants.service_or_404(STARS, "child_courses").service_code == "child_courses"
    with pytest.raises(NotFound, match="'vip_checkup' is not in the stars catalog"):
        grants.service_or_404(STARS, "vip_checkup")
    assert grants.tier_of(None) == NO_TIER
    snapshot = CustomerTier(tier="gold", entitled_since=dt.date(2026, 5, 1))
    assert grants.tier_of(snapshot) == "gold"
    assert grants.waiting_until(CARDS, snapshot) == dt.date(2026, 5, 31)  # cards: 30 days
    assert grants.waiting_until(STARS, snapshot) is None  # stars: no waiting period
    assert grants.waiting_until(CARDS, None) is None


async def outbox_for(db: Database, customer: str) -> list[dict[str, object]]:
    async with db.sessionmaker() as session:
        rows = (
            await session.execute(select(outbox_table.c.topic, outbox_table.c.payload).order_by(outbox_table.c.id))
        ).all()
    return [json.loads(p)["data"] for t, p in rows if t == Topic.entitlement_changed.value and customer in p]


async def test_create_grant_inserts_once_with_one_ledger_row_and_one_event(db: Database) -> None:
    customer = new_customer()
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            first, created = await grants.create_grant(
                session, STARS, customer, "child_courses", YEAR_2026, 2, "star_1", "tier star_1", "test"
            )
            again, created_again = await grants.create_grant(
                session, STARS, customer, "child_courses", YEAR_2026, 5, "star_4", "tier star_4", "test"
            )
        async with db.sessionmaker() as session:
            ledger = await repo.ledger_rows(session, customer, "child_courses")
    assert (created, created_again) == (True, False)
    assert again.id == first.id and again.quota == 2 and again.used == 0  # the first insert wins
    assert [(e.action, e.quota, e.reason) for e, _ in ledger] == [
        ("granted", 2, "tier star_1: 2 for 2026-01-01..2026-12-31 at tier star_1")
    ]
    [event] = await outbox_for(db, customer)
    assert (event["service_code"], event["quota"], event["remaining"], event["reason"]) == (
        "child_courses", 2, 2, "tier star_1")  # fmt: skip


async def sync(db: Database, customer: str, tier: str) -> list[str]:
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            return await grants.sync_grants(session, STARS, customer, tier, DAY, reason=f"tier {tier}", source="test")


async def test_sync_grants_creates_the_tier_services_then_follows_an_upgrade(db: Database) -> None:
    customer = new_customer()
    first = await sync(db, customer, "star_1")
    assert "child_courses: granted 2" in first and "health_assessment: granted unlimited" in first
    assert not any(c.startswith("road_rescue") for c in first)  # a star_2 service
    assert await sync(db, customer, "star_1") == []  # nothing to change the second time
    upgrade = await sync(db, customer, "star_2")
    assert "child_courses: quota 2 -> 3" in upgrade
    assert "road_rescue: granted unlimited" in upgrade and "second_opinion_domestic: granted 2" in upgrade
    async with db.sessionmaker() as session:
        current = await repo.grants_containing(session, customer, DAY)
        ledger = await repo.ledger_rows(session, customer, "child_courses")
    assert (current["child_courses"].quota, current["child_courses"].tier) == (3, "star_2")
    assert [e.action for e, _ in ledger] == ["granted", "quota_changed"]
    assert ledger[-1][0].reason == "tier star_2: quota 2 -> 3 at tier star_2"
    courses = [e for e in await outbox_for(db, customer) if e["service_code"] == "child_courses"]
    assert [(e["quota"], e["reason"]) for e in courses] == [(2, "tier star_1"), (3, "tier star_2")]


async def test_current_grant_is_created_lazily_for_a_new_period(db: Database) -> None:
    customer = new_customer()
    service = STARS.service("child_courses")
    assert service is not None
    with clock.frozen(at("2027-01-02T09:00")):
        async with db.sessionmaker() as session, session.begin():
            grant = await grants.current_grant(session, STARS, customer, service, "star_3", dt.date(2027, 1, 2))
            same = await grants.current_grant(session, STARS, customer, service, "star_3", dt.date(2027, 6, 1))
    assert (grant.period_start, grant.period_end, grant.quota) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31), 4)
    assert same.id == grant.id
    [event] = await outbox_for(db, customer)
    assert event["reason"] == "new period"


@pytest.mark.parametrize(
    ("quota", "used", "reserved", "reason"),
    [
        (4, 1, 2, "initial: 4 for 2026-01-01..2026-12-31 at tier star_4"),
        (None, 0, 0, 'tier upgrade star_1 -> star_5 (sequence 7); 无限次 "quoted" \\ back\\slash'),
        (0, 3, 0, "control\u0001\nchars\ttab \u2028 and emoji 🙂"),
    ],
)
def test_change_event_json_is_pydantics_dump(quota: int | None, used: int, reserved: int, reason: str):
    grant = SimpleNamespace(
        customer_id="C-测试-1",
        service_code="gp_clinic",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        quota=quota,
        used=used,
        reserved=reserved,
    )
    assert grants.change_event_json(grant, reason).json == grants.change_event(grant, reason).model_dump_json()
