"""Idempotency-Key on booking's POSTs (vipkit.idempotency), on SQLite and PostgreSQL: a retried
cancellation answers the first result again (no second cancellation, no illegal transition); the
same key value from another caller is that caller's own key. (Bookings and second opinions:
test_api.py and test_opinions.py.)"""

from __future__ import annotations

from services.booking.tests.conftest import OPS, Env, customer_headers, new_customer

MON_0928 = "2026-09-28T10:00:00+08:00"


async def test_retried_cancel_answers_the_first_result_once(env: Env) -> None:
    c = new_customer()
    first = (await env.book(c, "2026-10-08", now=MON_0928)).json()["booking_id"]
    key = {"Idempotency-Key": "cancel-7d1e"}
    cancelled = await env.client.post(f"/api/v1/bookings/{first}/cancel", headers={**customer_headers(c), **key})
    assert cancelled.status_code == 200, cancelled.text
    retried = await env.client.post(f"/api/v1/bookings/{first}/cancel", headers={**customer_headers(c), **key})
    assert retried.status_code == 200 and retried.json() == cancelled.json()
    assert retried.headers["idempotent-replayed"] == "true"
    # without the key the same call is a second, illegal cancellation
    again = await env.client.post(f"/api/v1/bookings/{first}/cancel", headers=customer_headers(c))
    assert again.status_code == 409 and again.json()["code"] == "illegal_transition"
    # the same key value from ops (another caller) is another key: it runs, and is refused on its own merits
    ops = await env.client.post(f"/api/v1/bookings/{first}/cancel", headers={**OPS, **key})
    assert ops.status_code == 409 and ops.json()["code"] == "illegal_transition"
    history = (await env.get_booking(first))["history"]
    assert [h["to_status"] for h in history].count("cancelled") == 1
