"""One pagination style for every growing list (vipkit.pagination): limit + opaque cursor,
next_cursor, a documented maximum (more is a 422, never a silent cap), on SQLite and PostgreSQL.
Every item exactly once, in order; a foreign or damaged cursor is a 422 naming ``cursor``."""

from __future__ import annotations

import datetime as dt

from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import STAFF
from services.revisit.tests.test_api import setup_task
from vipkit.pagination import encode_cursor
from vipkit.testing import assert_forged_cursors_refused
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


async def test_forged_cursors_are_422_on_the_revisit_lists(harness: RevisitHarness) -> None:
    """Fuzz cases (issue 12 item 7): cursor values of 2^63 and more, far or naive times, wrong types."""
    await setup_task(harness, electronic_contract=False)
    await assert_forged_cursors_refused(harness.client, "/api/v1/revisits", STAFF, "revisits", 2)
    await assert_forged_cursors_refused(harness.client, "/api/v1/phone-queue", STAFF, "phone-queue", 3)
    swapped = encode_cursor("revisits", ["T1", dt.datetime(2026, 9, 1, tzinfo=dt.UTC)])  # id and time swapped
    r = await harness.client.get("/api/v1/revisits", params={"cursor": swapped}, headers=STAFF)
    assert r.status_code == 422 and r.json()["field"] == "cursor"
