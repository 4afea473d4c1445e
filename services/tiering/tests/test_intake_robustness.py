"""Issue 12 item 7 and issue 14 item 6: intake under concurrency and hostile input.

- concurrent first PUTs of one policy: one 201, the others 200 (never a server error);
- concurrent intake of one holder's policies: exactly one is the holder's first;
- inputs found by fuzzing get 4xx, and an event can never outgrow the broker (bounded top-ups).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.tiering.tests.conftest import make_app, new_customer, new_policy_no, ops_at, outbox, policy_body
from vipkit.pagination import encode_cursor
from vipkit.testing import app_client, assert_forged_cursors_refused

DAY = dt.date(2026, 5, 10)


@pytest.fixture
async def app(db_url: str) -> FastAPI:
    return make_app(db_url)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(app) as http:
        yield http


async def put(client: httpx.AsyncClient, policy_no: str, body: dict[str, Any]) -> httpx.Response:
    return await client.put(f"/api/v1/policies/{policy_no}", json=body, headers=ops_at(DAY))


async def test_concurrent_first_puts_of_one_policy_give_one_201_and_never_a_server_error(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    statuses: list[int] = []
    for _ in range(10):
        policy_no, body = new_policy_no(), policy_body(new_customer())
        responses = await asyncio.gather(*(put(client, policy_no, body) for _ in range(3)))
        codes = sorted(r.status_code for r in responses)
        statuses += codes
        assert codes == [200, 200, 201], [r.text for r in responses]
        created = [e for e in await outbox(app, "policy.changed.v1") if e["data"]["policy_no"] == policy_no]
        assert len(created) == 1
    assert not [s for s in statuses if s >= 500]


async def test_concurrent_intake_of_one_holders_policies_marks_one_first(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    for round_no in range(5):
        holder = new_customer()
        # two of one instant and a later one, all arriving at once: exactly one is the first
        times = ["2026-05-08T15:30:00+08:00", "2026-05-08T15:30:00+08:00", "2026-05-08T16:00:00+08:00"]
        policies = [(new_policy_no(), policy_body(holder, underwritten_at=t)) for t in times]
        responses = await asyncio.gather(*(put(client, p, b) for p, b in policies))
        assert [r.status_code for r in responses] == [201, 201, 201], round_no
        events = await outbox(app, "policy.changed.v1", key=holder)
        firsts = [e["data"]["policy_no"] for e in events if e["data"]["first_policy_of_holder"]]
        assert len(firsts) == 1, (round_no, firsts)
        # an update of any of them later never makes a second "first"
        for policy_no, body in policies:
            assert (await put(client, policy_no, {**body, "annual_premium": "4000.00"})).status_code == 200
        events = await outbox(app, "policy.changed.v1", key=holder)
        assert len({e["data"]["policy_no"] for e in events if e["data"]["first_policy_of_holder"]}) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("underwritten_at", "9999-12-25T10:00:00+08:00"),
        ("effective_date", "9999-12-25"),
        ("effective_date", "0001-01-01"),
        ("cooling_off_end", "0001-01-01"),
    ],
)
async def test_far_dates_are_a_validation_error_not_a_server_error(
    client: httpx.AsyncClient, field: str, value: str
) -> None:
    r = await put(client, new_policy_no(), policy_body(new_customer(), **{field: value}))
    assert 400 <= r.status_code < 500, r.text
    assert r.headers["content-type"] == "application/problem+json"


async def test_non_ascii_digits_in_an_id_number_are_refused(client: httpx.AsyncClient) -> None:
    body = policy_body(new_customer())
    body["holder"]["id_no"] = "１１０１０１１９９００１０１１２３７"  # full-width digits
    r = await put(client, new_policy_no(), body)
    assert r.status_code == 422, r.text


async def test_top_ups_are_bounded_so_no_event_can_outgrow_the_broker(client: httpx.AsyncClient) -> None:
    top_up = {"kind": "ad_hoc", "amount": "100.00", "date": "2026-05-09"}
    r = await put(client, new_policy_no(), policy_body(new_customer(), top_ups=[top_up] * 2001))
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    assert "top_ups" in r.json()["detail"]
    ok = await put(client, new_policy_no(), policy_body(new_customer(), top_ups=[top_up] * 2000))
    assert ok.status_code == 201
    assert len(json.dumps(ok.json())) < 1_000_000


async def test_over_long_ids_and_huge_offsets_are_client_errors(client: httpx.AsyncClient) -> None:
    long_no = "P" + "9" * 300
    r = await put(client, long_no, policy_body(new_customer()))
    assert 400 <= r.status_code < 500, r.text
    r = await client.get(f"/api/v1/policies/{long_no}", headers=ops_at(DAY))
    assert 400 <= r.status_code < 500, r.text
    body = policy_body(new_customer())
    body["holder"]["customer_id"] = "C" + "1" * 200
    r = await put(client, new_policy_no(), body)
    assert 400 <= r.status_code < 500, r.text


async def test_bulk_import_lines_with_a_non_string_policy_no_or_deep_nesting_are_rejected_lines(
    client: httpx.AsyncClient,
) -> None:
    """Fuzz cases (issue 12 item 7): each hostile line is reported as rejected; the good one is taken."""
    good_no = new_policy_no()
    good = json.dumps({"policy_no": good_no, "policy": policy_body(new_customer())})
    lines = [
        json.dumps({"policy_no": 12345, "policy": policy_body(new_customer())}),
        json.dumps({"policy_no": ["P1"], "policy": policy_body(new_customer())}),
        json.dumps({"policy_no": {"no": "P1"}, "policy": policy_body(new_customer())}),
        "[" * 100_000 + "]" * 100_000,
        '{"policy_no": "PDEEP", "policy": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
        good,
    ]
    r = await client.post("/api/v1/policies/import", content="\n".join(lines).encode(), headers=ops_at(DAY))
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["received"], result["created"], result["rejected"]) == (6, 1, 5), result
    assert [e["line"] for e in result["errors"]] == [1, 2, 3, 4, 5]
    assert all(e["policy_no"] is None or isinstance(e["policy_no"], str) for e in result["errors"])
    assert (await client.get(f"/api/v1/policies/{good_no}", headers=ops_at(DAY))).status_code == 200


async def test_non_ascii_digits_of_any_script_in_an_id_number_are_refused(client: httpx.AsyncClient) -> None:
    # Arabic-Indic and Devanagari digits: str.isdigit() and int() accept them, the GB 11643 check must not
    for digits in ("٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९"):
        body = policy_body(new_customer())
        body["holder"]["id_no"] = body["holder"]["id_no"].translate(str.maketrans("0123456789", digits))
        r = await put(client, new_policy_no(), body)
        assert r.status_code == 422 and r.json()["code"] == "validation_error", r.text
        assert r.headers["content-type"] == "application/problem+json"


async def test_forged_cursors_of_the_tier_list_and_a_tier_history_are_422(client: httpx.AsyncClient) -> None:
    await assert_forged_cursors_refused(client, "/api/v1/tiers", ops_at(DAY), "tiers", 1)
    customer = new_customer()
    assert (await put(client, new_policy_no(), policy_body(customer))).status_code == 201
    history = f"/api/v1/customers/{customer}/tier/history"
    await assert_forged_cursors_refused(client, history, ops_at(DAY), "tier-history", 1)
    r = await client.get(history, params={"cursor": encode_cursor("tier-history", ["C1"])}, headers=ops_at(DAY))
    assert r.status_code == 422 and r.json()["field"] == "cursor"  # a customer id where a row id goes
    r = await client.get("/api/v1/tiers", params={"cursor": encode_cursor("tiers", [2**62])}, headers=ops_at(DAY))
    assert r.status_code == 422 and r.json()["field"] == "cursor"  # a number where a customer id goes
