"""One pagination style for every growing list (vipkit.pagination): limit + opaque cursor,
next_cursor, a documented maximum (more is a 422, never a silent cap), on SQLite and PostgreSQL.
Every item exactly once, in order; a foreign or damaged cursor is a 422 naming ``cursor``."""

from __future__ import annotations

from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import STAFF
from services.revisit.tests.test_api import setup_task
from vipkit.testing import walk_pages as walk


async def test_revisits_and_phone_queue_page_by_cursor(harness: RevisitHarness) -> None:
    client = harness.client
    tasks = [await setup_task(harness, electronic_contract=False) for _ in range(5)]
    policy_nos = {t[1] for t in tasks}
    pages = await walk(client, "/api/v1/revisits", STAFF, limit=2)
    seen = [t["policy_no"] for p in pages for t in p]
    assert policy_nos <= set(seen) and len(seen) == len(set(seen))
    queue = [i["policy_no"] for p in await walk(client, "/api/v1/phone-queue", STAFF, limit=2) for i in p]
    assert policy_nos <= set(queue) and len(queue) == len(set(queue))
    assert (await client.get("/api/v1/revisits", params={"limit": 0}, headers=STAFF)).status_code == 422
