"""ETag / If-Match on a customer's relatives (vipkit.etag), on SQLite and PostgreSQL."""

from __future__ import annotations

from services.entitlements.catalog import load_catalog
from services.entitlements.tests.conftest import make_app, new_customer, set_tier, staff_headers
from vipkit.db import Database
from vipkit.testing import app_client

CARDS = load_catalog("cards")
NOW = "2026-06-01T10:00"


async def test_relatives_etag_stale_if_match_is_412(db_url: str) -> None:
    c = new_customer()
    db = Database(db_url)
    try:
        await set_tier(db, CARDS, c, "platinum", 1, "2026-01-02T10:00")
    finally:
        await db.dispose()
    async with app_client(make_app(db_url, "cards")) as client:
        url = f"/api/v1/customers/{c}/relatives"
        empty = await client.get(url, headers=staff_headers(NOW))
        assert empty.status_code == 200 and empty.headers["etag"]
        spouse = {"name": "李娜", "relation": "spouse", "id_no": "110101198001011234", "birth_date": "1980-01-01"}
        first = await client.put(f"{url}/R1", json=spouse, headers=staff_headers(NOW))
        assert first.status_code == 201, first.text
        version = (await client.get(url, headers=staff_headers(NOW))).headers["etag"]
        assert version != empty.headers["etag"]
        child = {"name": "李小", "relation": "child", "id_no": "110101201001011234", "birth_date": "2010-01-01"}
        ok = await client.put(f"{url}/R2", json=child, headers={**staff_headers(NOW), "If-Match": version})
        assert ok.status_code == 201, ok.text
        # another desk still holding the older version: refused, nothing written
        parent = {"name": "王强", "relation": "parent", "id_no": "110101196501011234", "birth_date": "1965-01-01"}
        stale = await client.put(f"{url}/R3", json=parent, headers={**staff_headers(NOW), "If-Match": version})
        assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
        items = (await client.get(url, headers=staff_headers(NOW))).json()["items"]
        assert sorted(r["relative_id"] for r in items) == ["R1", "R2"]
