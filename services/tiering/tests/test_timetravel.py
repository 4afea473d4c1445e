"""Time travel per program (SPEC 2): a customer's year driven day by day through ``POST /tiering/runs``.

Each day: the run for that date (what the 00:30 scheduler does), then that day's policy changes at
10:00 (``X-Test-Now``); the events and notifications produced that day are asserted exactly, and every
other day must produce none. The ``stars`` journey also runs with the real broker and checks what was
published with a ``TopicWatcher``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
from fastapi import FastAPI

from services.tiering.tests.conftest import OPS, make_app, new_customer, new_policy_no, ops_at, outbox, policy_body
from vipkit.testing import TopicWatcher, app_client

D = dt.date
Expected = list[tuple[Any, ...]]


def summarize(event: dict[str, Any]) -> tuple[Any, ...]:
    data = event["data"]
    if event["topic"] == "policy.changed.v1":
        return ("policy", data["policy_no"], data["change"])
    if event["topic"] == "tier.changed.v1":
        return ("tier", data["from_tier"], data["to_tier"], data["reason"], data["sequence"], data["status"])
    return ("sms", data["template"])


async def drive_year(
    app: FastAPI,
    client: httpx.AsyncClient,
    customer: str,
    actions: dict[dt.date, list[tuple[str, dict[str, Any]]]],
    expected: dict[dt.date, Expected],
    checks: dict[dt.date, Callable[[dict[str, Any]], None]],
    start: dt.date = D(2026, 1, 1),
    end: dt.date = D(2026, 12, 31),
) -> None:
    seen = 0
    day = start
    while day <= end:
        run = await client.post("/api/v1/tiering/runs", json={"as_of": day.isoformat()}, headers=OPS)
        assert run.status_code == 200, (day, run.text)
        for policy_no, body in actions.get(day, []):
            response = await client.put(f"/api/v1/policies/{policy_no}", json=body, headers=ops_at(day))
            assert response.status_code in (200, 201), (day, response.text)
        events = await outbox(app, key=customer)
        produced = [summarize(e) for e in events[seen:]]
        seen = len(events)
        assert produced == expected.get(day, []), day
        if day in checks:
            tier = await client.get(f"/api/v1/customers/{customer}/tier", headers=OPS)
            assert tier.status_code == 200, (day, tier.text)
            checks[day](tier.json())
        day += dt.timedelta(days=1)


def policy(customer: str, premium: str, effective: dt.date, **kw: Any) -> dict[str, Any]:
    return policy_body(
        customer,
        annual_premium=premium,
        payment_years=kw.pop("payment_years", 10),
        underwritten_at=f"{(effective - dt.timedelta(days=1)).isoformat()}T10:00:00+08:00",
        effective_date=effective.isoformat(),
        cooling_off_end=None,
        **kw,
    )


def expect(**fields: Any) -> Callable[[dict[str, Any]], None]:
    def check(tier: dict[str, Any]) -> None:
        assert {k: tier[k] for k in fields} == fields

    return check


async def stars_year(app: FastAPI, client: httpx.AsyncClient) -> str:
    c = new_customer()
    p1, p2, p3 = new_policy_no(), new_policy_no(), new_policy_no()
    b1 = policy(c, "12000.00", D(2026, 1, 6))
    b2 = policy(c, "25000.00", D(2026, 2, 11))
    b3 = policy(c, "8000.00", D(2026, 10, 2))
    actions = {
        D(2026, 1, 5): [(p1, b1)],
        D(2026, 2, 10): [(p2, b2)],
        D(2026, 3, 15): [(p2, {**b2, "status": "lapsed"})],
        D(2026, 8, 1): [(p1, {**b1, "status": "surrendered"})],
        D(2026, 10, 1): [(p3, b3)],
    }
    expected: dict[dt.date, Expected] = {
        D(2026, 1, 5): [("policy", p1, "created")],
        # formal rating at the cooling-off end (effective + 15 days)
        D(2026, 1, 21): [("tier", "none", "star_2", "initial", 1, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 2, 10): [("policy", p2, "created")],
        D(2026, 2, 26): [("tier", "star_2", "star_3", "upgrade", 2, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 3, 15): [("policy", p2, "updated")],  # lapse: below 3★ but not a review date
        D(2026, 3, 31): [("sms", "tier_pre_downgrade")],  # review: notice + grace, tier kept
        D(2026, 6, 30): [("tier", "star_3", "star_2", "downgrade", 3, "confirmed"), ("sms", "tier_downgrade")],
        D(2026, 8, 1): [
            ("policy", p1, "updated"),
            ("tier", "star_2", "none", "invalidated", 4, "invalid"),
            ("sms", "tier_invalidated"),
        ],
        D(2026, 10, 1): [("policy", p3, "created")],
        D(2026, 10, 17): [("tier", "none", "star_1", "restored", 5, "confirmed"), ("sms", "tier_upgrade")],
    }
    checks = {
        D(2026, 1, 5): expect(tier="none", status="invalid", provisional_tier=None),
        D(2026, 1, 6): expect(
            tier="none", status="provisional", provisional_tier="star_2", provisional_until="2026-01-21"
        ),
        D(2026, 1, 21): expect(tier="star_2", status="confirmed", since="2026-01-21", score="12000.00"),
        D(2026, 2, 11): expect(tier="star_2", status="provisional", provisional_tier="star_3"),
        D(2026, 3, 15): expect(tier="star_3", status="confirmed", score="12000.00"),
        D(2026, 3, 31): expect(tier="star_3", status="grace", pending_downgrade={"to": "star_2", "at": "2026-06-30"}),
        D(2026, 6, 29): expect(tier="star_3", status="grace"),
        D(2026, 6, 30): expect(tier="star_2", status="confirmed", pending_downgrade=None, sequence=3),
        D(2026, 8, 1): expect(tier="none", status="invalid", since="2026-08-01", sequence=4),
        D(2026, 10, 17): expect(tier="star_1", status="confirmed", sequence=5),
    }
    await drive_year(app, client, c, actions, expected, checks)
    # replaying a past policy version and re-running a date publish nothing new
    before = await outbox(app)
    again = await client.put(f"/api/v1/policies/{p3}", json=b3, headers=ops_at(D(2026, 12, 31)))
    assert again.status_code == 200
    assert (await client.post("/api/v1/tiering/runs", json={"as_of": "2026-12-31"}, headers=OPS)).json()["changed"] == 0
    assert await outbox(app) == before
    history = (await client.get(f"/api/v1/customers/{c}/tier/history", headers=OPS)).json()["items"]
    assert [(h["kind"], h["reason"]) for h in history] == [
        ("tier_changed", "initial"),
        ("tier_changed", "upgrade"),
        ("pre_downgrade", "pre_downgrade"),
        ("tier_changed", "downgrade"),
        ("tier_changed", "invalidated"),
        ("tier_changed", "restored"),
    ]
    return c


async def test_stars_year_day_by_day_sqlite(sqlite_url: str) -> None:
    app = make_app(sqlite_url, "stars")
    async with app_client(app) as client:
        await stars_year(app, client)


async def test_stars_year_day_by_day_published_on_the_real_broker(
    postgres_only: str, db_factory: Any, kafka_bootstrap: str
) -> None:
    from services.tiering.main import MIGRATIONS_DIR

    url = db_factory.create(postgres_only, MIGRATIONS_DIR)
    app = make_app(url, "stars", kafka_enabled=True, kafka_bootstrap=kafka_bootstrap, relay_poll_ms=20)
    async with (
        TopicWatcher(kafka_bootstrap, "tier.changed.v1", "notification.requested.v1") as watcher,
        app_client(app) as client,
    ):
        customer = await stars_year(app, client)
        changes = await watcher.wait("tier.changed.v1", 5, timeout=30, customer_id=customer)
        notices = await watcher.wait("notification.requested.v1", 6, timeout=30, customer_id=customer)
    assert [m["value"]["data"]["sequence"] for m in changes] == [1, 2, 3, 4, 5]
    assert all(m["key"] == customer for m in changes + notices)
    assert [m["value"]["data"]["template"] for m in notices] == [
        "tier_upgrade",
        "tier_upgrade",
        "tier_pre_downgrade",
        "tier_downgrade",
        "tier_invalidated",
        "tier_upgrade",
    ]
    assert changes[0]["value"]["type"] == "com.insurer.vip.tier.changed.v1"
    assert "三星客户" in notices[2]["value"]["data"]["text"]


async def test_levels_year_day_by_day(sqlite_url: str) -> None:
    app = make_app(sqlite_url, "levels")
    c = new_customer()
    p1, p2 = new_policy_no(), new_policy_no()
    b1 = policy(c, "40000.00", D(2026, 1, 6))
    b2 = policy(c, "300000.00", D(2026, 3, 2), payment_mode="single", payment_years=1)
    actions = {
        D(2026, 1, 5): [(p1, b1)],
        D(2026, 3, 1): [(p2, b2)],
        D(2026, 4, 10): [(p2, {**b2, "loan_or_pledge": True})],
        D(2026, 9, 1): [(p1, {**b1, "status": "terminated"})],
    }
    expected: dict[dt.date, Expected] = {
        D(2026, 1, 5): [("policy", p1, "created")],
        D(2026, 1, 21): [("tier", "none", "pearl", "initial", 1, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 3, 1): [("policy", p2, "created")],
        # 40,000 + 300,000 × 10% = 70,000: gold, formal at the cooling-off end
        D(2026, 3, 17): [("tier", "pearl", "gold", "upgrade", 2, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 4, 10): [("policy", p2, "updated")],  # policy loan: not counted, but no downgrade before 30 Jun
        D(2026, 6, 30): [("tier", "gold", "pearl", "downgrade", 3, "confirmed"), ("sms", "tier_downgrade")],
        D(2026, 9, 1): [("policy", p1, "updated")],  # last counted policy ends: drop the next day
        D(2026, 9, 2): [("tier", "pearl", "none", "invalidated", 4, "invalid"), ("sms", "tier_invalidated")],
    }
    checks = {
        D(2026, 1, 6): expect(tier="none", status="provisional", provisional_tier="pearl"),
        D(2026, 4, 10): expect(tier="gold", status="confirmed", score="40000.00"),
        D(2026, 6, 29): expect(tier="gold", status="confirmed"),
        D(2026, 9, 1): expect(tier="pearl", status="grace", pending_downgrade={"to": "none", "at": "2026-09-02"}),
        D(2026, 9, 2): expect(tier="none", status="invalid", tier_name="无层级"),
    }
    async with app_client(app) as client:
        await drive_year(app, client, c, actions, expected, checks)


async def test_cards_year_day_by_day_tiers_the_insured(sqlite_url: str) -> None:
    app = make_app(sqlite_url, "cards")
    holder, insured = new_customer(), new_customer()
    p1, p2 = new_policy_no(), new_policy_no()

    def card_policy(premium: str, effective: dt.date, channel: str) -> dict[str, Any]:
        body = policy(holder, premium, effective, channel=channel)
        body["insured"] = {**body["insured"], "customer_id": insured, "mobile": "13900139000"}
        return body

    b1 = card_policy("25000.00", D(2026, 1, 6), "direct")
    b2 = card_policy("20000.00", D(2026, 5, 2), "agency")
    actions = {
        D(2026, 1, 5): [(p1, b1)],
        D(2026, 4, 1): [(p1, {**b1, "annual_premium": "12000.00"})],
        D(2026, 5, 1): [(p2, b2)],
        D(2026, 7, 1): [(p2, {**b2, "status": "suspended"})],
        D(2026, 9, 1): [(p1, {**b1, "annual_premium": "12000.00", "status": "suspended"})],
    }
    expected: dict[dt.date, Expected] = {
        D(2026, 1, 21): [("tier", "none", "health_gold", "initial", 1, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 4, 1): [("tier", "health_gold", "gold", "downgrade", 2, "confirmed"), ("sms", "tier_downgrade")],
        D(2026, 5, 17): [("tier", "gold", "platinum", "upgrade", 3, "confirmed"), ("sms", "tier_upgrade")],
        D(2026, 7, 1): [("tier", "platinum", "gold", "downgrade", 4, "confirmed"), ("sms", "tier_downgrade")],
        D(2026, 9, 1): [("tier", "gold", "none", "invalidated", 5, "invalid"), ("sms", "tier_invalidated")],
    }
    checks = {
        D(2026, 1, 21): expect(tier="health_gold", tier_name="都会健康金卡", status="confirmed"),
        D(2026, 5, 2): expect(tier="gold", status="provisional", provisional_tier="platinum"),
        D(2026, 5, 17): expect(tier="platinum", tier_name="都会白金卡", score="32000.00"),
    }
    async with app_client(app) as client:
        await drive_year(app, client, insured, actions, expected, checks)
        # the holder is not tiered under cards; SMS go to the insured's mobile
        assert (await client.get(f"/api/v1/customers/{holder}/tier", headers=OPS)).status_code == 404
        sms = await outbox(app, "notification.requested.v1", insured)
        assert {e["data"]["mobile"] for e in sms} == {"13900139000"}
        policy_events = await outbox(app, "policy.changed.v1", holder)
        assert [e["data"]["insured_customer_id"] for e in policy_events] == [insured] * 5
