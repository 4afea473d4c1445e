"""Idempotency-Key on the revisit POSTs (vipkit.idempotency; SPEC 7), on SQLite and PostgreSQL.

Same key + same body → the first answer again (no second link, session or outcome); same key + another
body → 409 ``conflict``; an error answer is not kept (a retry after ``answered_too_fast`` runs again);
concurrent retries with one key have one effect; keys are scoped to the caller.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from services.revisit.models import RevisitLink, RevisitSession
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import HOLDER_BIRTH, STAFF, customer_headers, now_header
from services.revisit.tests.test_api import ALL_YES, UA, setup_task

KEY = {"Idempotency-Key": "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"}


async def _count(h: RevisitHarness, model: type) -> int:
    async with h.db.transaction() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_link_same_key_replays_the_same_link_and_other_caller_gets_its_own(harness: RevisitHarness) -> None:
    client = harness.client
    _customer, _policy_no, task = await setup_task(harness)
    headers = {**STAFF, **now_header("2026-05-09 10:05:00"), **KEY}
    first = await client.post(f"/api/v1/revisits/{task['task_id']}/link", headers=headers)
    assert first.status_code == 201, first.text
    links = await _count(harness, RevisitLink)
    again = await client.post(f"/api/v1/revisits/{task['task_id']}/link", headers=headers)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert await _count(harness, RevisitLink) == links  # no second link
    # without a key: a fresh link each time (the key is what makes a retry safe)
    fresh = await client.post(
        f"/api/v1/revisits/{task['task_id']}/link", headers={**STAFF, **now_header("2026-05-09 10:06:00")}
    )
    assert fresh.status_code == 201 and fresh.json()["token"] != first.json()["token"]


async def test_session_same_key_other_body_is_409_and_errors_are_not_kept(harness: RevisitHarness) -> None:
    client = harness.client
    _customer, _policy_no, task = await setup_task(harness)
    link = await client.post(
        f"/api/v1/revisits/{task['task_id']}/link", headers={**STAFF, **now_header("2026-05-09 10:05:00")}
    )
    token = link.json()["token"]
    body = {"token": token, "id_last6": "011234", "birth_date": HOLDER_BIRTH}
    headers = {**UA, **now_header("2026-05-09 12:00:00"), **KEY}
    started = await client.post("/api/v1/revisit-sessions", json=body, headers=headers)
    assert started.status_code == 201, started.text
    replay = await client.post("/api/v1/revisit-sessions", json=body, headers=headers)
    assert replay.json() == started.json() and replay.headers["idempotent-replayed"] == "true"
    other = await client.post("/api/v1/revisit-sessions", json={**body, "id_last6": "999999"}, headers=headers)
    assert other.status_code == 409 and other.json()["code"] == "conflict"
    assert await _count(harness, RevisitSession) == 1

    session_id = started.json()["session_id"]
    submit_key = {"Idempotency-Key": "c0ffee00-1111-4222-8333-444455556666"}
    submit = {"answers": ALL_YES, "remark": None}
    url = f"/api/v1/revisit-sessions/{session_id}/submit"
    too_fast = await client.post(url, json=submit, headers={**UA, **now_header("2026-05-09 12:00:30"), **submit_key})
    assert too_fast.status_code == 422 and too_fast.json()["code"] == "answered_too_fast"
    # the same key later: the error was not kept, the submission runs now
    done = await client.post(url, json=submit, headers={**UA, **now_header("2026-05-09 12:01:30"), **submit_key})
    assert done.status_code == 200, done.text
    assert done.json()["outcome"] == "completed" and "idempotent-replayed" not in done.headers
    replay = await client.post(url, json=submit, headers={**UA, **now_header("2026-05-09 12:02:00"), **submit_key})
    assert replay.status_code == 200 and replay.json() == done.json()


async def test_concurrent_retries_with_one_key_have_one_effect(harness: RevisitHarness) -> None:
    client = harness.client
    customer, _policy_no, task = await setup_task(harness, first_policy=False)
    url = f"/api/v1/customers/{customer}/revisits/{task['task_id']}/link"
    headers = {**customer_headers(customer), **now_header("2026-05-09 10:05:00"), **KEY}
    before = await _count(harness, RevisitLink)
    answers = await asyncio.gather(*(client.post(url, headers=headers) for _ in range(4)))
    statuses = sorted(a.status_code for a in answers)
    assert set(statuses) <= {201, 409}, [a.text for a in answers]
    ok = [a.json() for a in answers if a.status_code == 201]
    assert ok and all(o == ok[0] for o in ok)
    assert await _count(harness, RevisitLink) == before + 1
    # another customer with the same key value is another key
    other = await client.post(url.replace(customer, "C999"), headers={**customer_headers("C999"), **KEY})
    assert other.status_code == 404
