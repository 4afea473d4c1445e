"""One pagination style for every growing list (vipkit.pagination): limit + opaque cursor,
next_cursor, a documented maximum (more is a 422, never a silent cap), on SQLite and PostgreSQL.
Every item exactly once, in order; a foreign or damaged cursor is a 422 naming ``cursor``."""

from __future__ import annotations

from services.booking.tests.conftest import OPS, Env, new_customer
from vipkit.pagination import encode_cursor
from vipkit.testing import assert_forged_cursors_refused
from vipkit.testing import walk_pages as walk


async def test_bookings_clinics_and_deliveries_page_by_cursor(env: Env) -> None:
    client = env.client
    c = new_customer()
    dates = ["2026-10-08", "2026-10-09", "2026-10-12", "2026-10-13", "2026-10-14"]
    for day in dates:  # booked and cancelled at once (free while pending), so the quota of 1 allows the next
        r = await env.book(c, day, now="2026-09-28T10:00:00+08:00")
        assert r.status_code == 201, r.text
        cancel = await client.post(f"/api/v1/bookings/{r.json()['booking_id']}/cancel", headers=OPS)
        assert cancel.status_code == 200, cancel.text
    pages = await walk(client, f"/api/v1/customers/{c}/bookings", OPS, limit=2)
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [b["date"] for p in pages for b in p] == sorted(dates, reverse=True)

    for i in range(3):
        await env.put_clinic(f"CLX{i}", "P1", capacity=3)
    clinics = [c["clinic_id"] for p in await walk(client, "/api/v1/clinics", {}, limit=2) for c in p]
    assert clinics == sorted(clinics) and {"CL1", "CL2", "CLX0", "CLX1", "CLX2"} <= set(clinics)
    assert len(clinics) == len(set(clinics))

    deliveries = [d for p in await walk(client, "/api/v1/webhook-deliveries", OPS, limit=2) for d in p]
    assert len(deliveries) == 2 * len(dates) == len({d["delivery_id"] for d in deliveries})  # requested + cancelled

    too_many = await client.get("/api/v1/webhook-deliveries", params={"limit": 201}, headers=OPS)
    assert too_many.status_code == 422 and too_many.json()["code"] == "validation_error"
    first = (await client.get("/api/v1/clinics", params={"limit": 1})).json()
    foreign = await client.get(f"/api/v1/customers/{c}/bookings", params={"cursor": first["next_cursor"]}, headers=OPS)
    assert foreign.status_code == 422 and foreign.json()["field"] == "cursor"
    damaged = await client.get("/api/v1/clinics", params={"cursor": "not-a-cursor!"})
    assert damaged.status_code == 422


async def test_forged_cursors_are_422_on_every_booking_list(env: Env) -> None:
    """Fuzz cases (issue 12 item 7): cursor values of 2^63 and more, far or naive times, wrong types."""
    c = new_customer()
    for url, name, size, headers in (
        ("/api/v1/clinics", "clinics", 1, {}),
        (f"/api/v1/customers/{c}/bookings", "bookings", 3, OPS),
        ("/api/v1/webhook-deliveries", "webhook-deliveries", 2, OPS),
        ("/api/v1/second-opinions/overdue", "overdue-opinions", 1, OPS),
    ):
        await assert_forged_cursors_refused(env.client, url, headers, name, size)
    wrong = encode_cursor("clinics", [2**62])  # a number where a clinic id goes
    r = await env.client.get("/api/v1/clinics", params={"cursor": wrong})
    assert r.status_code == 422 and r.json()["field"] == "cursor"
