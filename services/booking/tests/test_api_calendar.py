"""The working-day calendar routes (api_calendar.py, SPEC 4.1): ranges, ops overrides, year loads and
their validation (problem+json with a stable code), on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer

YEAR_2027: dict[str, Any] = {
    "source": "国务院办公厅关于2027年部分节假日安排的通知",
    "days_off": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-02-08", "name": "春节"}],
    "working_days": [{"date": "2027-02-20", "name": "调休上班"}],
}


async def test_working_days_endpoint_and_overrides(env: Env) -> None:
    r = await env.client.get("/api/v1/calendar/working-days", params={"from": "2026-09-30", "to": "2026-10-12"})
    assert r.status_code == 200
    days = {d["date"]: d for d in r.json()["items"]}
    assert days["2026-10-01"]["working"] is False and days["2026-10-01"]["name"] == "国庆节"
    assert days["2026-10-10"]["working"] is True
    assert days["2026-10-12"]["working"] is True
    r = await env.client.put(
        "/api/v1/calendar/overrides/2026-10-12", json={"working": False, "name": "台风停工"}, headers=OPS
    )
    assert r.status_code == 200
    r = await env.client.get("/api/v1/calendar/working-days", params={"from": "2026-10-12", "to": "2026-10-12"})
    assert r.json()["items"][0] == {
        "date": "2026-10-12",
        "working": False,
        "holiday": True,
        "name": "台风停工",
        "source": "override",
    }
    # the override changes the rules at once: Fri 10-09 -> Sat 10-10 (1st), Tue 10-13 (2nd)
    r = await env.book(new_customer(), "2026-10-12", now="2026-10-09T10:00:00+08:00")
    assert r.status_code == 422 and r.json()["earliest_date"] == "2026-10-13"
    r = await env.client.get("/api/v1/calendar/working-days", params={"from": "2026-12-30", "to": "2027-01-02"})
    assert r.status_code == 422 and r.json()["code"] == "calendar_unknown"


@pytest.mark.parametrize(
    ("params", "field"),
    [({"from": "2026-10-12", "to": "2026-10-11"}, "to"), ({"from": "2026-01-01", "to": "2027-01-03"}, "to")],
)
async def test_working_days_range_must_be_ordered_and_at_most_367_days(
    env: Env, params: dict[str, str], field: str
) -> None:
    r = await env.client.get("/api/v1/calendar/working-days", params=params)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "validation_error" and r.json()["field"] == field


async def test_override_is_ops_only_and_deleting_a_missing_one_is_404(env: Env) -> None:
    body = {"working": False, "name": "台风停工"}
    customer = customer_headers(new_customer())
    assert (
        await env.client.put("/api/v1/calendar/overrides/2026-10-12", json=body, headers=customer)
    ).status_code == 403
    r = await env.client.put("/api/v1/calendar/overrides/2026-10-12", json=body, headers=OPS)
    assert r.status_code == 200 and r.json()["updated_by"] == "ops-1" and r.json()["working"] is False
    r = await env.client.put("/api/v1/calendar/overrides/2026-10-12", json={"working": True}, headers=OPS)
    assert r.status_code == 200 and r.json()["working"] is True and r.json()["name"] is None
    assert (await env.client.delete("/api/v1/calendar/overrides/2026-10-12", headers=OPS)).status_code == 204
    r = await env.client.delete("/api/v1/calendar/overrides/2026-10-12", headers=OPS)
    assert r.status_code == 404 and r.json()["code"] == "not_found"


async def test_loaded_year_reads_back_as_written_and_unknown_year_is_404(env: Env) -> None:
    assert (await env.client.get("/api/v1/calendar/years/2027")).status_code == 404
    r = await env.client.put("/api/v1/calendar/years/2027", json=YEAR_2027, headers=OPS)
    assert r.status_code == 200, r.text
    got = (await env.client.get("/api/v1/calendar/years/2027")).json()
    assert got["days_off"] == YEAR_2027["days_off"] and got["working_days"] == YEAR_2027["working_days"]
    assert got["source"] == YEAR_2027["source"] and got["loaded_by"] == "ops-1"
    r = await env.client.get("/api/v1/calendar/working-days", params={"from": "2027-02-20", "to": "2027-02-20"})
    assert r.status_code == 200 and r.json()["items"][0]["working"] is True  # a make-up Saturday


@pytest.mark.parametrize(
    ("year", "change", "needle"),
    [
        (1999, {}, "year out of range"),
        (2027, {"days_off": [{"date": "2027-01-01", "name": "a"}, {"date": "2027-01-01", "name": "b"}]}, "twice"),
        (2027, {"working_days": [{"date": "2027-01-01", "name": "元旦"}]}, "both as a day off"),
        (2027, {"days_off": [{"date": "2029-05-01", "name": "劳动节"}]}, "does not belong"),
        (2027, {"working_days": [{"date": "2027-02-22", "name": "周一"}]}, "weekend days"),
    ],
)
async def test_year_load_refuses_inconsistent_schedules(
    env: Env, year: int, change: dict[str, Any], needle: str
) -> None:
    r = await env.client.put(f"/api/v1/calendar/years/{year}", json={**YEAR_2027, **change}, headers=OPS)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_error" and needle in r.json()["detail"]
    assert await env.outbox("calendar.changed.v1") == []  # nothing published for a refused load
