"""Second-opinion requests (opinions.py): the shared reserve saga, idempotency, steps, ledger."""

from __future__ import annotations

import pytest

from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer, ops_headers
from services.booking.tests.entitlements_standin import CATALOG

WED_0930 = "2026-09-30T16:00:00+08:00"


async def _request(env: Env, customer: str, key: str | None = None) -> dict[str, object]:
    headers = customer_headers(customer, WED_0930)
    if key:
        headers["Idempotency-Key"] = key
    r = await env.client.post(
        "/api/v1/second-opinions", json={"customer_id": customer, "diagnosis": "肺部结节"}, headers=headers
    )
    return {**r.json(), "http": r.status_code}


async def test_same_key_returns_the_same_request_and_reserves_once(env: Env) -> None:
    c = new_customer()
    first = await _request(env, c, "so-key")
    again = await _request(env, c, "so-key")
    assert first["http"] == 201 and again["http"] == 201  # the stored answer replayed (vipkit.idempotency)
    assert first["request_id"] == again["request_id"]
    assert len(env.standin.with_status("reserved", c)) == 1
    assert await env.scalar("SELECT status FROM booking_attempts WHERE booking_id = :i", i=first["request_id"]) == (
        "booked"
    )


async def test_cancel_releases_the_unit_and_a_cancelled_request_cannot_move_on(env: Env) -> None:
    c = new_customer()
    request_id = (await _request(env, c))["request_id"]
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/cancel", headers=customer_headers(c))
    assert r.status_code == 200 and r.json()["status"] == "cancelled"
    assert len(env.standin.with_status("released", c)) == 1
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/contacted", headers=ops_headers())
    assert r.status_code == 409 and r.json()["code"] == "illegal_transition"
    assert r.json()["from_status"] == "cancelled" and r.json()["to_status"] == "contacted"


async def test_steps_out_of_order_are_illegal(env: Env) -> None:
    request_id = (await _request(env, new_customer()))["request_id"]
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/delivered", headers=OPS)
    assert r.status_code == 409 and r.json()["from_status"] == "requested"


async def test_an_appointment_service_is_not_a_second_opinion(env: Env) -> None:
    c = new_customer()
    r = await env.client.post(
        "/api/v1/second-opinions",
        json={"customer_id": c, "service_code": "dental_cleaning", "diagnosis": "x"},
        headers=customer_headers(c, WED_0930),
    )
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    assert env.standin.reservations == {}


async def test_the_opinion_due_date_comes_from_the_catalog_sla(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC 4.2: due in ``sla.opinion_working_days`` working days after the materials are complete."""
    entry = next(s for s in CATALOG["services"] if s["service_code"] == "second_opinion_domestic")
    monkeypatch.setitem(entry["booking"], "sla", {"contact_working_days": 1, "opinion_working_days": 7})
    request_id = (await _request(env, new_customer()))["request_id"]
    thu_1008 = ops_headers("2026-10-08T16:00:00+08:00")
    assert (
        await env.client.post(f"/api/v1/second-opinions/{request_id}/contacted", headers=thu_1008)
    ).status_code == 200
    done = await env.client.post(f"/api/v1/second-opinions/{request_id}/materials-complete", headers=thu_1008)
    assert done.status_code == 200, done.text
    # 7 working days after Thu 10-08: 10-09, Sat 10-10 (make-up working day), 10-12 .. 10-16
    assert done.json()["opinion_due"] == "2026-10-16"


async def test_only_second_opinion_services_are_requested_as_second_opinions(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    assisted = {
        "service_code": "registration_assisted",
        "name": "协助预约挂号",
        "tiers": {"star_4": {"quota": None}},
        "period": "calendar_year",
        "beneficiaries": {"holder": True, "insured": False, "relations": []},
        "bookable": True,
        "booking": {"kind": "request", "advance_working_days": 2, "cancel_cutoff_working_days": 1, "sla": None},
    }
    monkeypatch.setitem(CATALOG, "services", [*CATALOG["services"], assisted])
    c = new_customer()
    r = await env.client.post(
        "/api/v1/second-opinions",
        json={"customer_id": c, "service_code": "registration_assisted"},
        headers=customer_headers(c, WED_0930),
    )
    assert r.status_code == 422 and r.json()["field"] == "service_code", r.text
    assert "not a second-opinion service" in r.json()["detail"] and env.standin.reservations == {}


async def test_cancel_while_entitlements_is_down_commits_and_its_durable_job_releases_the_unit_later(
    env: Env,
) -> None:
    """Issue 12: the cancellation and its ledger job commit together; no 503, no unit stuck reserved."""
    c = new_customer()
    request_id = (await _request(env, c))["request_id"]
    env.standin.down = True
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/cancel", headers=customer_headers(c))
    assert r.status_code == 200 and r.json()["status"] == "cancelled"
    assert len(env.standin.with_status("reserved", c)) == 1
    assert await env.run_jobs() == 1  # still down: kept, retried later
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "pending"
    env.standin.down = False
    assert await env.run_jobs() == 1
    assert len(env.standin.with_status("released", c)) == 1 and not env.standin.with_status("reserved", c)
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "done"
    # a repeated cancel is refused (already cancelled) and releases nothing twice
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/cancel", headers=customer_headers(c))
    assert r.status_code == 409 and r.json()["code"] == "illegal_transition"
    assert len(env.standin.with_status("released", c)) == 1
