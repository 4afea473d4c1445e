"""Second-opinion requests (opinions.py): the shared reserve saga, idempotency, steps, ledger."""

from __future__ import annotations

from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer, ops_headers

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
