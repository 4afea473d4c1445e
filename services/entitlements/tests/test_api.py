"""HTTP contract (SPEC 7, docs/internal-apis.md): catalog, reservations, reads, relatives."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

import httpx
import pytest

from services.entitlements import repository as repo
from services.entitlements.catalog import load_catalog
from services.entitlements.main import MIGRATIONS_DIR
from services.entitlements.tests.conftest import customer_headers, make_app, new_customer, set_tier, staff_headers
from vipkit.db import Database
from vipkit.pagination import encode_cursor
from vipkit.testing import app_client, assert_forged_cursors_refused, serve_app, walk_pages

LEVELS, CARDS, STARS = load_catalog("levels"), load_catalog("cards"), load_catalog("stars")
NOW = "2026-06-01T10:00"


def body(customer_id: str, service_code: str, beneficiary_id: str | None = None, reference: str = "B1") -> dict:
    return {
        "customer_id": customer_id,
        "service_code": service_code,
        "beneficiary_id": beneficiary_id,
        "reference": reference,
    }


def with_key(key: str, now: str = NOW) -> dict[str, str]:
    return staff_headers(now) | {"Idempotency-Key": key}


async def test_catalog_serves_the_active_program_with_booking_parameters(db_url: str):
    async with app_client(make_app(db_url, "levels")) as client:
        assert (await client.get("/api/v1/catalog")).status_code == 401
        resp = await client.get("/api/v1/catalog", headers=customer_headers("C1"))
        assert resp.status_code == 200
        doc = resp.json()
        assert doc["program"] == "levels"
        dental = next(s for s in doc["services"] if s["service_code"] == "dental_cleaning")
        assert dental["tiers"]["gold"]["quota"] == 1 and dental["tiers"]["gold"]["package"] == "classic"
        assert dental["booking"] == {
            "kind": "appointment",
            "advance_working_days": 2,
            "cancel_cutoff_working_days": 1,
            "cancel_cutoff_hour": 12,
            "sla": None,
        }
        assert dental["beneficiaries"]["relations"] == ["spouse", "parent", "child"]
        festival = next(s for s in doc["services"] if s["service_code"] == "service_festival")
        assert festival["bookable"] is False and festival["booking"] is None


async def test_reservation_lifecycle_and_errors(db_url: str):
    c = new_customer()
    app = make_app(db_url, "levels")
    async with app_client(app) as client:
        db = Database(db_url)
        try:
            await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        finally:
            await db.dispose()
        # customers may not reserve directly; the key is required
        resp = await client.post(
            "/api/v1/reservations",
            json=body(c, "dental_cleaning"),
            headers=customer_headers(c) | {"Idempotency-Key": "x"},
        )
        assert resp.status_code == 403 and resp.json()["code"] == "forbidden"
        resp = await client.post("/api/v1/reservations", json=body(c, "dental_cleaning"), headers=staff_headers(NOW))
        assert resp.status_code == 422 and "Idempotency-Key" in resp.json()["detail"]

        resp = await client.post(
            "/api/v1/reservations", json=body(c, "dental_cleaning", reference="BK1"), headers=with_key(f"{c}-1")
        )
        assert resp.status_code == 201, resp.text
        r = resp.json()
        assert r["status"] == "reserved" and r["remaining"] == 0
        assert (r["period_start"], r["period_end"]) == ("2026-01-01", "2026-12-31")
        again = await client.post(
            "/api/v1/reservations", json=body(c, "dental_cleaning", reference="BK1"), headers=with_key(f"{c}-1")
        )
        assert again.status_code == 200 and again.json()["reservation_id"] == r["reservation_id"]

        resp = await client.post(
            "/api/v1/reservations", json=body(c, "dental_cleaning", reference="BK2"), headers=with_key(f"{c}-2")
        )
        assert resp.status_code == 409 and resp.json()["code"] == "quota_exhausted"
        resp = await client.post("/api/v1/reservations", json=body(c, "health_checkup"), headers=with_key(f"{c}-3"))
        assert resp.status_code == 403 and resp.json()["code"] == "not_entitled"
        resp = await client.post(
            "/api/v1/reservations", json=body(c, "dental_cleaning", "nobody"), headers=with_key(f"{c}-4")
        )
        assert resp.status_code == 404 and resp.json()["code"] == "not_found"
        resp = await client.post("/api/v1/reservations", json=body(c, "dental_cleanin"), headers=with_key(f"{c}-5"))
        assert resp.status_code == 404

        listed = (await client.get("/api/v1/reservations", params={"reference": "BK1"}, headers=staff_headers())).json()
        assert [i["reservation_id"] for i in listed["items"]] == [r["reservation_id"]]

        rid = r["reservation_id"]
        bad = await client.post(f"/api/v1/reservations/{rid}/consume", json={"reason": "done"}, headers=staff_headers())
        assert bad.status_code == 422
        consumed = await client.post(
            f"/api/v1/reservations/{rid}/consume", json={"reason": "completed"}, headers=staff_headers()
        )
        assert consumed.status_code == 200 and consumed.json()["status"] == "consumed"
        twice = await client.post(
            f"/api/v1/reservations/{rid}/consume", json={"reason": "completed"}, headers=staff_headers()
        )
        assert twice.status_code == 200 and twice.json()["status"] == "consumed"
        release = await client.post(
            f"/api/v1/reservations/{rid}/release", json={"reason": "cancelled"}, headers=staff_headers()
        )
        assert release.status_code == 409 and release.json()["code"] == "illegal_transition"
        missing = await client.post(
            "/api/v1/reservations/R404/release", json={"reason": "cancelled"}, headers=staff_headers()
        )
        assert missing.status_code == 404

        # the customer sees the numbers and the ledger explains them
        ent = await client.get(f"/api/v1/customers/{c}/entitlements", headers=customer_headers(c, NOW))
        assert ent.status_code == 200
        dental = next(s for s in ent.json()["services"] if s["service_code"] == "dental_cleaning")
        assert {k: dental[k] for k in ("quota", "used", "reserved", "remaining", "available")} == {
            "quota": 1,
            "used": 1,
            "reserved": 0,
            "remaining": 0,
            "available": True,
        }
        assert dental["beneficiaries"] == [{"beneficiary_id": None, "kind": "holder", "name": "本人", "relation": None}]
        ledger = await client.get(
            f"/api/v1/customers/{c}/entitlements/dental_cleaning/ledger", headers=customer_headers(c)
        )
        assert [e["action"] for e in ledger.json()["items"]] == ["granted", "reserved", "consumed"]
        assert "booking BK1" in ledger.json()["items"][1]["reason"]
        # other customers' data: 404, not 403
        other = await client.get(f"/api/v1/customers/{c}/entitlements", headers=customer_headers(new_customer()))
        assert other.status_code == 404
        other = await client.get(
            f"/api/v1/customers/{c}/entitlements/dental_cleaning/ledger", headers=customer_headers("C0")
        )
        assert other.status_code == 404
        ops = await client.get(f"/api/v1/customers/{c}/entitlements", headers=staff_headers())
        assert ops.status_code == 200


async def test_ledger_pages_by_cursor_oldest_first(db_url: str):
    """One pagination style (vipkit.pagination): limit + opaque cursor, next_cursor; no parameters = the first
    50 entries, the same list as before paging when they fit; a larger limit is a 422, never a silent cap."""
    c = new_customer()
    async with app_client(make_app(db_url, "levels")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        finally:
            await db.dispose()
        for i in range(3):  # reserve and release twice, then reserve: quota 1 allows each next one
            r = await client.post("/api/v1/reservations", json=body(c, "dental_cleaning"), headers=with_key(f"{c}-{i}"))
            assert r.status_code == 201, r.text
            if i < 2:
                rid = r.json()["reservation_id"]
                released = await client.post(
                    f"/api/v1/reservations/{rid}/release", json={"reason": "cancelled"}, headers=staff_headers()
                )
                assert released.status_code == 200, released.text
        url = f"/api/v1/customers/{c}/entitlements/dental_cleaning/ledger"
        whole = (await client.get(url, headers=customer_headers(c))).json()
        actions = [e["action"] for e in whole["items"]]
        assert actions == ["granted", "reserved", "released", "reserved", "released", "reserved"]
        assert whole["next_cursor"] is None
        pages = await walk_pages(client, url, staff_headers(), limit=4)
        assert [len(p) for p in pages] == [4, 2] and [e for p in pages for e in p] == whole["items"]
        too_many = await client.get(url, params={"limit": 201}, headers=staff_headers())
        assert too_many.status_code == 422 and too_many.json()["code"] == "validation_error"
        damaged = await client.get(url, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=staff_headers())
        assert damaged.status_code == 422 and damaged.json()["field"] == "cursor"


async def test_cards_relatives_two_at_most_fixed_under_65_masked(db_url: str):
    c = new_customer()
    async with app_client(make_app(db_url, "cards")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, CARDS, c, "platinum", 1, "2026-01-02T10:00")
        finally:
            await db.dispose()
        spouse = {"name": "李娜", "relation": "spouse", "id_no": "110101198001011234", "birth_date": "1980-01-01"}
        url = f"/api/v1/customers/{c}/relatives"
        resp = await client.put(f"{url}/R1", json=spouse, headers=customer_headers(c, NOW))
        assert resp.status_code == 201, resp.text
        assert resp.json()["id_no"] == "110101********1234"
        assert "110101198001011234" not in resp.text
        assert set(resp.json()["services"]) == {"domestic_rescue", "international_rescue"}
        assert (await client.put(f"{url}/R1", json=spouse, headers=customer_headers(c, NOW))).status_code == 200
        changed = await client.put(f"{url}/R1", json=spouse | {"name": "李娜娜"}, headers=customer_headers(c, NOW))
        assert changed.status_code == 409 and changed.json()["code"] == "conflict"
        too_old = {"name": "王强", "relation": "parent", "id_no": "110101196101011234", "birth_date": "1961-06-01"}
        resp = await client.put(f"{url}/R2", json=too_old, headers=customer_headers(c, NOW))  # 65 on 2026-06-01
        assert resp.status_code == 422 and resp.json()["code"] == "validation_error"
        young = too_old | {"birth_date": "1961-06-02"}  # 64
        assert (await client.put(f"{url}/R2", json=young, headers=customer_headers(c, NOW))).status_code == 201
        third = {"name": "李小", "relation": "child", "id_no": "110101201001011234", "birth_date": "2010-01-01"}
        resp = await client.put(f"{url}/R3", json=third, headers=customer_headers(c, NOW))
        assert resp.status_code == 409 and "at most 2" in resp.json()["detail"]
        assert (
            await client.put(f"{url}/R3", json=third, headers=customer_headers(new_customer(), NOW))
        ).status_code == 404
        bad = await client.put(f"{url}/R3", json=third | {"relation": "cousin"}, headers=customer_headers(c, NOW))
        assert bad.status_code == 422 and "relation" in bad.json()["detail"]

        listed = (await client.get(url, headers=customer_headers(c, NOW))).json()
        assert [r["relative_id"] for r in listed["items"]] == ["R1", "R2"] and listed["max_count"] == 2
        ent = (await client.get(f"/api/v1/customers/{c}/entitlements", headers=customer_headers(c, NOW))).json()
        rescue = next(s for s in ent["services"] if s["service_code"] == "domestic_rescue")
        assert [b["beneficiary_id"] for b in rescue["beneficiaries"]] == [None, "R1", "R2"]
        checkup = next(s for s in ent["services"] if s["service_code"] == "vip_checkup")
        assert [b["beneficiary_id"] for b in checkup["beneficiaries"]] == [None]
        # a relative may use rescue but not the checkup (for the insured only)
        ok = await client.post(
            "/api/v1/reservations", json=body(c, "domestic_rescue", "R1"), headers=with_key(f"{c}-r")
        )
        assert ok.status_code == 201 and ok.json()["remaining"] is None
        no = await client.post("/api/v1/reservations", json=body(c, "vip_checkup", "R1"), headers=with_key(f"{c}-c"))
        assert no.status_code == 403 and no.json()["code"] == "not_entitled"


async def test_cards_gold_card_may_not_designate_relatives(db_url: str):
    c = new_customer()
    async with app_client(make_app(db_url, "cards")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, CARDS, c, "gold", 1, "2026-01-02T10:00")
        finally:
            await db.dispose()
        spouse = {"name": "李娜", "relation": "spouse", "id_no": "110101198001011234", "birth_date": "1980-01-01"}
        resp = await client.put(f"/api/v1/customers/{c}/relatives/R1", json=spouse, headers=staff_headers(NOW))
        assert resp.status_code == 403 and resp.json()["code"] == "not_entitled"


async def test_levels_designated_direct_relative_may_use_dental_within_the_shared_yearly_unit(db_url: str):
    c = new_customer()
    async with app_client(make_app(db_url, "levels")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, LEVELS, c, "diamond", 1, "2026-01-02T10:00")
        finally:
            await db.dispose()
        mother = {"name": "张兰", "relation": "parent", "id_no": "110101195501011234", "birth_date": "1955-01-01"}
        assert (
            await client.put(f"/api/v1/customers/{c}/relatives/M", json=mother, headers=customer_headers(c, NOW))
        ).status_code == 201
        edited = await client.put(
            f"/api/v1/customers/{c}/relatives/M", json=mother | {"name": "张兰芳"}, headers=customer_headers(c, NOW)
        )
        assert edited.status_code == 200 and edited.json()["name"] == "张兰芳"  # levels: not fixed
        ok = await client.post("/api/v1/reservations", json=body(c, "dental_cleaning", "M"), headers=with_key(f"{c}-m"))
        assert ok.status_code == 201 and ok.json()["beneficiary_id"] == "M"
        holder = await client.post("/api/v1/reservations", json=body(c, "dental_cleaning"), headers=with_key(f"{c}-h"))
        assert holder.status_code == 409  # once a year, shared by the customer and the relatives


@pytest.mark.parametrize("same_key", [False, True])
async def test_fifty_concurrent_reservations_on_a_quota_of_one_exactly_one_succeeds(
    postgres_only: str, db_factory, same_key: bool
):
    url = db_factory.create(postgres_only, MIGRATIONS_DIR)
    c = new_customer()
    db = Database(url)
    try:
        await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        async with serve_app(make_app(url, "levels")) as base, httpx.AsyncClient(base_url=base, timeout=60) as client:

            async def one(i: int) -> httpx.Response:
                key = f"{c}-same" if same_key else f"{c}-{i}"
                return await client.post(
                    "/api/v1/reservations", json=body(c, "dental_cleaning", reference=f"B{i}"), headers=with_key(key)
                )

            responses = await asyncio.gather(*(one(i) for i in range(50)))
        statuses = Counter(r.status_code for r in responses)
        async with db.sessionmaker() as session:
            grant = (await repo.grants_containing(session, c, dt.date(2026, 6, 1)))["dental_cleaning"]
        assert (grant.quota, grant.reserved, grant.used) == (1, 1, 0)
        if same_key:
            assert statuses[201] == 1 and statuses[200] == 49
            assert len({r.json()["reservation_id"] for r in responses}) == 1
        else:
            assert statuses == Counter({201: 1, 409: 49})
            assert all(r.json()["code"] == "quota_exhausted" for r in responses if r.status_code == 409)
    finally:
        await db.dispose()


async def test_relatives_refuse_the_customer_themself_and_implausible_birth_dates(db_url: str):
    c = new_customer()
    async with app_client(make_app(db_url, "levels")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, LEVELS, c, "gold", 1, "2026-01-02T10:00")
        finally:
            await db.dispose()
        parent = {"name": "王强", "relation": "parent", "id_no": "110101196101011234", "birth_date": "1961-01-01"}
        url = f"/api/v1/customers/{c}/relatives"
        me = await client.put(f"{url}/{c}", json=parent, headers=customer_headers(c, NOW))
        assert me.status_code == 422 and me.json()["code"] == "validation_error"
        assert me.json()["field"] == "relative_id" and "customer themself" in me.json()["detail"]
        for birth in ("2026-06-01", "2027-01-01", "1026-01-01"):  # today, future, a typo
            resp = await client.put(f"{url}/R1", json=parent | {"birth_date": birth}, headers=customer_headers(c, NOW))
            assert resp.status_code == 422 and resp.json()["detail"].startswith("birth_date:"), (birth, resp.text)
        assert (await client.put(f"{url}/R1", json=parent, headers=customer_headers(c, NOW))).status_code == 201
        # a reservation naming the customer as beneficiary is refused clearly, not a 404 or a 500
        resp = await client.post("/api/v1/reservations", json=body(c, "dental_cleaning", c), headers=with_key(f"{c}-s"))
        assert resp.status_code == 422 and resp.json()["field"] == "beneficiary_id"
        ok = await client.post(
            "/api/v1/reservations", json=body(c, "dental_cleaning", "R1"), headers=with_key(f"{c}-r")
        )
        assert ok.status_code == 201, ok.text


async def test_forged_ledger_cursors_are_422(db_url: str):
    """Fuzz cases (issue 12 item 7): cursor values of 2^63 and more, far or naive times, wrong types."""
    c = new_customer()
    async with app_client(make_app(db_url, "levels")) as client:
        db = Database(db_url)
        try:
            await set_tier(db, LEVELS, c, "gold", 1, "2026-01-10T10:00")
        finally:
            await db.dispose()
        url = f"/api/v1/customers/{c}/entitlements/dental_cleaning/ledger"
        await assert_forged_cursors_refused(client, url, staff_headers(), "ledger", 1)
        wrong = await client.get(url, params={"cursor": encode_cursor("ledger", ["C1"])}, headers=staff_headers())
        assert wrong.status_code == 422 and wrong.json()["field"] == "cursor"
