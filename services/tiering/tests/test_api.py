"""HTTP contract of tiering (SPEC 7): policy intake, tier reads, explain, runs, internal tiers page."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.tiering.tests.conftest import (
    MOBILE,
    OPS,
    VALID_ID,
    customer_headers,
    make_app,
    new_customer,
    new_policy_no,
    ops_at,
    outbox,
    policy_body,
)
from vipkit.testing import app_client, walk_pages

D = dt.date


@pytest.fixture
async def app(db_url: str) -> FastAPI:
    return make_app(db_url)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(app) as http:
        yield http


async def put(
    client: httpx.AsyncClient, policy_no: str, body: dict[str, Any], day: dt.date = D(2026, 5, 10)
) -> httpx.Response:
    return await client.put(f"/api/v1/policies/{policy_no}", json=body, headers=ops_at(day))


async def test_put_policy_creates_201_then_replay_200_publishes_nothing_new(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    customer, policy_no = new_customer(), new_policy_no()
    created = await put(client, policy_no, policy_body(customer))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["policy_no"] == policy_no and body["revision"] == 1
    assert body["holder"]["id_no"] == "110101********1237" and body["holder"]["mobile"] == "138****8000"
    assert VALID_ID not in created.text and MOBILE not in created.text
    assert body["annual_premium"] == "3233.00" and body["cooling_off_end"] == "2026-05-24"
    events = await outbox(app)
    [changed] = [e for e in events if e["topic"] == "policy.changed.v1"]
    assert changed["key"] == customer
    assert changed["data"]["change"] == "created" and changed["data"]["first_policy_of_holder"] is True
    assert changed["data"]["policy"]["cooling_off_end"] == "2026-05-24"

    replay = await put(client, policy_no, policy_body(customer))
    assert replay.status_code == 200 and replay.json()["revision"] == 1
    assert await outbox(app) == events  # nothing new

    updated = await put(client, policy_no, policy_body(customer, annual_premium="13233.00"))
    assert updated.status_code == 200 and updated.json()["revision"] == 2
    kinds = [e["data"]["change"] for e in await outbox(app, "policy.changed.v1")]
    assert kinds == ["created", "updated"]


async def test_first_policy_of_holder_false_for_a_later_policy(app: FastAPI, client: httpx.AsyncClient) -> None:
    customer = new_customer()
    await put(client, new_policy_no(), policy_body(customer))
    second = policy_body(
        customer, underwritten_at="2026-06-01T10:00:00+08:00", effective_date="2026-06-02", cooling_off_end=None
    )
    assert (await put(client, new_policy_no(), second, D(2026, 6, 2))).status_code == 201
    flags = [e["data"]["first_policy_of_holder"] for e in await outbox(app, "policy.changed.v1")]
    assert flags == [True, False]


def _person_without_customer() -> dict[str, Any]:
    return {"name": "丁华清", "id_type": "resident_id", "id_no": VALID_ID, "birth_date": "1990-01-01"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"channel": "telesales"}, "channel"),
        ({"product": {"code": "X", "name": "X", "kind": "annuity"}}, "product.kind"),
        ({"status": "active"}, "status"),
        ({"annual_premium": "-1.00"}, "annual_premium"),
        ({"annual_premium": "abc"}, "annual_premium"),
        ({"annual_premium": "1.234"}, "annual_premium"),
        ({"payment_years": 0}, "payment_years"),
        ({"cooling_off_end": "2026-05-01"}, "cooling_off_end"),
        ({"top_ups": [{"kind": "ad_hoc", "amount": "100.00"}]}, "top_ups.0.date"),
        ({"top_ups": [{"kind": "bonus", "amount": "100.00", "date": "2026-06-01"}]}, "top_ups.0.kind"),
        (
            {"holder": {**_person_without_customer(), "customer_id": "CX", "id_no": "110101199001011234"}},
            "holder.id_no",
        ),
        ({"holder": _person_without_customer()}, "holder.customer_id"),
        ({"effective_date": "2026-13-01"}, "effective_date"),
    ],
)
async def test_bad_policy_gets_422_validation_error_naming_the_field(
    app: FastAPI, client: httpx.AsyncClient, overrides: dict[str, Any], field: str
) -> None:
    response = await put(client, new_policy_no(), policy_body(new_customer(), **overrides))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    assert problem["code"] == "validation_error"
    assert problem["detail"].startswith(field), problem
    assert await outbox(app) == []  # nothing half-written


async def test_older_version_never_overwrites_a_newer_one(app: FastAPI, client: httpx.AsyncClient) -> None:
    customer, policy_no = new_customer(), new_policy_no()
    assert (
        await put(client, policy_no, policy_body(customer, version=5, annual_premium="50000.00"))
    ).status_code == 201
    stale = await put(client, policy_no, policy_body(customer, version=4, annual_premium="100.00"))
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    same_version_other_content = await put(client, policy_no, policy_body(customer, version=5, annual_premium="1.00"))
    assert same_version_other_content.status_code == 409
    stored = await client.get(f"/api/v1/policies/{policy_no}", headers=OPS)
    assert stored.json()["annual_premium"] == "50000.00" and stored.json()["version"] == 5
    newer = await put(client, policy_no, policy_body(customer, version=6, annual_premium="60000.00"))
    assert newer.status_code == 200 and newer.json()["version"] == 6


async def test_policy_intake_is_for_staff_only(client: httpx.AsyncClient) -> None:
    customer = new_customer()
    denied = await client.put(
        f"/api/v1/policies/{new_policy_no()}", json=policy_body(customer), headers=customer_headers(customer)
    )
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    anonymous = await client.put(f"/api/v1/policies/{new_policy_no()}", json=policy_body(customer))
    assert anonymous.status_code == 401


async def test_tier_read_shape_provisional_then_confirmed_by_run(app: FastAPI, client: httpx.AsyncClient) -> None:
    customer = new_customer()
    body = policy_body(customer, annual_premium="12000.00", payment_years=10)
    await put(client, new_policy_no(), body, D(2026, 5, 9))
    tier = (await client.get(f"/api/v1/customers/{customer}/tier", headers=customer_headers(customer))).json()
    assert tier == {
        "customer_id": customer,
        "program": "stars",
        "tier": "none",
        "tier_name": "非星级客户",
        "status": "provisional",
        "score": "0.00",
        "since": None,
        "provisional_tier": "star_2",
        "provisional_tier_name": "二星客户",
        "provisional_until": "2026-05-24",
        "pending_downgrade": None,
        "next_tier": {"tier": "star_1", "tier_name": "一星客户", "score_needed": "0.01"},
        "sequence": 0,
    }
    assert await outbox(app, "tier.changed.v1") == []  # entitlements follow the formal tier only
    for day in range(10, 25):
        run = await client.post("/api/v1/tiering/runs", json={"as_of": f"2026-05-{day:02d}"}, headers=OPS)
        assert run.status_code == 200, run.text
    tier = (await client.get(f"/api/v1/customers/{customer}/tier", headers=OPS)).json()
    assert (tier["tier"], tier["tier_name"], tier["status"], tier["score"], tier["since"], tier["sequence"]) == (
        "star_2",
        "二星客户",
        "confirmed",
        "12000.00",
        "2026-05-24",
        1,
    )
    assert tier["next_tier"] == {"tier": "star_3", "tier_name": "三星客户", "score_needed": "18000.00"}
    [changed] = await outbox(app, "tier.changed.v1", customer)
    assert changed["data"] == {
        "customer_id": customer,
        "program": "stars",
        "from_tier": "none",
        "to_tier": "star_2",
        "status": "confirmed",
        "reason": "initial",
        "score": "12000.00",
        "effective_at": "2026-05-24T00:00:00+08:00",
        "sequence": 1,
        "birth_date": "1990-01-01",
        "waiting_from": "2026-05-09",
    }
    [sms] = await outbox(app, "notification.requested.v1", customer)
    assert sms["data"]["template"] == "tier_upgrade" and sms["data"]["mobile"] == MOBILE
    assert "二星客户" in sms["data"]["text"] and sms["data"]["source_service"] == "tiering"


async def test_customer_sees_only_own_tier_and_no_policies_is_404(client: httpx.AsyncClient) -> None:
    customer, other = new_customer(), new_customer()
    await put(client, new_policy_no(), policy_body(customer))
    for path in ("tier", "tier/history", "tier/explain"):
        own = await client.get(f"/api/v1/customers/{customer}/{path}", headers=customer_headers(customer))
        assert own.status_code == 200, (path, own.text)
        foreign = await client.get(f"/api/v1/customers/{customer}/{path}", headers=customer_headers(other))
        assert foreign.status_code == 404 and foreign.json()["code"] == "not_found"
        none = await client.get(f"/api/v1/customers/{other}/{path}", headers=customer_headers(other))
        assert none.status_code == 404


async def test_explain_lists_every_policy_with_formula_and_why_not_counted(client: httpx.AsyncClient) -> None:
    customer = new_customer()
    await put(client, "PA" + customer, policy_body(customer, annual_premium="3233.00"), D(2026, 5, 9))
    await put(client, "PB" + customer, policy_body(customer, annual_premium="5000.00", status="lapsed"), D(2026, 5, 9))
    wealth = policy_body(
        customer,
        annual_premium="10000.00",
        payment_years=5,
        effective_date="2026-06-01",
        cooling_off_end=None,
        product={"code": "U", "name": "万能", "kind": "universal"},
        top_ups=[{"kind": "ad_hoc", "amount": "1000.00", "date": "2026-06-01"}],
    )
    await put(client, "PC" + customer, wealth, D(2026, 6, 1))
    response = await client.get(
        f"/api/v1/customers/{customer}/tier/explain", params={"as_of": "2026-06-05"}, headers=customer_headers(customer)
    )
    body = response.json()
    by_no = {p["policy_no"]: p for p in body["policies"]}
    a, b, c = by_no["PA" + customer], by_no["PB" + customer], by_no["PC" + customer]
    assert (a["counted"], a["standard_premium"], a["formula"], a["reason_not_counted"]) == (
        True,
        "3233.00",
        "3,233.00 × 1 = 3,233.00",
        None,
    )
    assert {t["name"] for t in a["terms"]} >= {"annual_premium", "payment_years", "coef"}
    assert (b["counted"], b["reason_not_counted"]) == (False, "lapsed")
    assert (c["counting"], c["standard_premium"], c["reason_not_counted"]) == (
        "provisional",
        "2550.00",
        "in cooling-off until 2026-06-16",
    )
    assert body["score"] == "3233.00" and body["provisional_score"] == "5783.00"


async def test_internal_tiers_page_for_reconciliation(client: httpx.AsyncClient) -> None:
    customers = sorted(new_customer() for _ in range(5))
    for c in customers:
        await put(
            client,
            new_policy_no(),
            policy_body(
                c, annual_premium="40000.00", payment_years=10, effective_date="2026-01-01", cooling_off_end=None
            ),
        )
    page1 = (await client.get("/api/v1/tiers", params={"limit": 3}, headers=OPS)).json()
    assert [i["customer_id"] for i in page1["items"]] == customers[:3]
    assert page1["next_cursor"] is not None
    assert page1["items"][0] == {
        "customer_id": customers[0],
        "program": "stars",
        "tier": "star_3",
        "status": "confirmed",
        "score": "40000.00",
        "since": "2026-05-10",
        "sequence": 1,
    }
    page2 = (await client.get("/api/v1/tiers", params={"cursor": page1["next_cursor"], "limit": 3}, headers=OPS)).json()
    assert [i["customer_id"] for i in page2["items"]] == customers[3:] and page2["next_cursor"] is None
    assert (await client.get("/api/v1/tiers", headers=customer_headers(customers[0]))).status_code == 403


async def test_tier_history_pages_by_cursor_oldest_first(client: httpx.AsyncClient) -> None:
    """One pagination style (vipkit.pagination): limit + opaque cursor, next_cursor; no parameters = the
    first 50 changes, the same list as before paging when they fit; a larger limit is a 422, no silent cap."""
    customer = new_customer()
    for premium in ("10000.00", "20000.00", "70000.00", "200000.00"):  # each one raises the tier (2★..5★)
        body = policy_body(
            customer, annual_premium=premium, payment_years=10, effective_date="2026-01-01", cooling_off_end=None
        )
        assert (await put(client, new_policy_no(), body)).status_code == 201
    url = f"/api/v1/customers/{customer}/tier/history"
    whole = (await client.get(url, headers=customer_headers(customer))).json()
    assert whole["next_cursor"] is None and whole["customer_id"] == customer
    assert [h["to_tier"] for h in whole["items"]] == ["star_2", "star_3", "star_4", "star_5"]
    assert [h["sequence"] for h in whole["items"]] == [1, 2, 3, 4]
    pages = await walk_pages(client, url, OPS, limit=3)
    assert [len(p) for p in pages] == [3, 1] and [h for p in pages for h in p] == whole["items"]
    too_many = await client.get(url, params={"limit": 201}, headers=OPS)
    assert too_many.status_code == 422 and too_many.json()["code"] == "validation_error"
    tiers_cursor = (await client.get("/api/v1/tiers", params={"limit": 1}, headers=OPS)).json()["next_cursor"]
    foreign = await client.get(url, params={"cursor": tiers_cursor}, headers=OPS)
    assert foreign.status_code == 422 and foreign.json()["field"] == "cursor"


async def test_bulk_import_ndjson_streamed_reports_bad_lines_and_rerates(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    import json

    customers = [new_customer() for _ in range(3)]
    lines = [
        json.dumps(
            {
                "policy_no": f"IMP{i}{c}",
                "policy": policy_body(
                    c, annual_premium="40000.00", payment_years=10, effective_date="2026-01-01", cooling_off_end=None
                ),
            }
        )
        for i, c in enumerate(customers)
    ]
    lines.insert(1, "{not json")
    bad = policy_body(new_customer(), payment_years=0)
    lines.append(json.dumps({"policy_no": "IMPBAD", "policy": bad}))
    lines.append(lines[0])  # a replay inside the same file
    content = ("\n".join(lines) + "\n").encode()

    async def chunks():  # type: ignore[no-untyped-def]
        for i in range(0, len(content), 100):
            yield content[i : i + 100]

    response = await client.post("/api/v1/policies/import", content=chunks(), headers=ops_at(D(2026, 5, 10)))
    assert response.status_code == 200, response.text
    result = response.json()
    assert {k: result[k] for k in ("received", "created", "unchanged", "rejected", "rerated_customers")} == {
        "received": 6,
        "created": 3,
        "unchanged": 1,
        "rejected": 2,
        "rerated_customers": 3,
    }
    assert [(e["line"], e["field"]) for e in result["errors"]] == [(2, None), (5, "policy.payment_years")]
    for c in customers:
        tier = (await client.get(f"/api/v1/customers/{c}/tier", headers=OPS)).json()
        assert tier["tier"] == "star_3"
    assert len(await outbox(app, "policy.changed.v1")) == 3


async def test_cards_tier_event_carries_birth_date_and_waiting_from_effective_or_reinstatement_date(
    db_url: str,
) -> None:
    """Entitlements' cards rules (rescue <= 65, 30-day waiting period) read these from the event."""
    app = make_app(db_url, "cards")
    insured, policy_no = new_customer(), new_policy_no()
    body = policy_body(new_customer(), insured=insured, annual_premium="6000.00", payment_years=10)
    body["insured"]["birth_date"] = "1960-05-31"
    async with app_client(app) as client:
        assert (await put(client, policy_no, body, D(2026, 5, 9))).status_code == 201
        run = await client.post("/api/v1/tiering/runs", json={"as_of": "2026-05-24"}, headers=OPS)
        assert run.status_code == 200, run.text
        lapsed = await put(client, policy_no, body | {"status": "lapsed"}, D(2026, 8, 1))
        assert lapsed.status_code == 200
        assert (await put(client, policy_no, body, D(2026, 9, 10))).status_code == 200  # reinstated
    events = [e["data"] for e in await outbox(app, "tier.changed.v1", insured)]
    assert [(e["to_tier"], e["reason"]) for e in events] == [
        ("silver", "initial"),
        ("none", "invalidated"),
        ("silver", "restored"),
    ]
    assert [(e["birth_date"], e["waiting_from"]) for e in events] == [
        ("1960-05-31", "2026-05-09"),  # the policy's effective date, not the card's start (05-24)
        ("1960-05-31", None),
        ("1960-05-31", "2026-09-10"),  # the reinstatement date
    ]
