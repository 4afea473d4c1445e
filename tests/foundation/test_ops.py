"""The ops lists of every service (vipkit.ops: durable jobs, parked outbox rows, dead letters) page like
every list (vipkit.pagination): limit + opaque cursor, next_cursor; every row exactly once in order; a
larger limit is a 422, never a silent cap (they were cut at 100 rows before); both databases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from tests.foundation.probe import app as probe
from vipkit.auth import mint_token
from vipkit.db import Database, outbox_table
from vipkit.pagination import encode_cursor
from vipkit.plumbing import dead_letters_table, durable_jobs_table
from vipkit.testing import TEST_JWT_SECRET, app_client, assert_forged_cursors_refused, walk_pages

N = 5
T0 = dt.datetime(2026, 9, 28, 2, 0, tzinfo=dt.UTC)


async def seed(url: str) -> None:
    db = Database(url)
    try:
        async with db.transaction() as s:
            for i in range(N):
                at = T0 + dt.timedelta(minutes=i)
                await s.execute(
                    insert(durable_jobs_table).values(
                        kind="probe.job", payload="{}", state="dead", attempts=3, run_after=at, give_up_at=at,
                        retry_seconds=60, last_error="boom", created_at=at, updated_at=at,
                    )
                )  # fmt: skip
                await s.execute(
                    insert(outbox_table).values(
                        event_id=f"ev-{i}", topic="probe.v1", key=f"C{i}", payload="{}", created_at=at, attempts=1,
                        last_error="MessageSizeTooLargeError", parked_at=at,
                    )
                )  # fmt: skip
                await s.execute(
                    insert(dead_letters_table).values(
                        consumer="strict", topic="t", partition=0, offset=i, payload="{}", error="bad", created_at=at
                    )
                )
    finally:
        await db.dispose()


async def test_ops_lists_page_by_cursor_on_both_databases(db_kind, db_factory, common_settings) -> None:  # type: ignore[no-untyped-def]
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    await seed(url)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    ops = {"Authorization": f"Bearer {mint_token('ops1', 'ops', secret=TEST_JWT_SECRET)}"}
    async with app_client(probe.create_app(url, settings)) as client:
        base = "/api/v1/ops/probe"
        jobs = await walk_pages(client, f"{base}/jobs", ops, state="dead", limit=2)
        assert [len(p) for p in jobs] == [2, 2, 1]
        ids = [j["id"] for p in jobs for j in p]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == N  # newest first
        parked = await walk_pages(client, f"{base}/outbox", ops, limit=2)
        assert [r["event_id"] for p in parked for r in p] == [f"ev-{i}" for i in range(N)]  # oldest first
        letters = await walk_pages(client, f"{base}/dead-letters", ops, limit=3)
        assert [d["offset"] for p in letters for d in p] == list(reversed(range(N)))  # newest first

        whole = (await client.get(f"{base}/jobs", headers=ops)).json()  # no parameters: all of them (≤ 100)
        assert [j["id"] for j in whole["items"]] == ids and whole["next_cursor"] is None
        too_many = await client.get(f"{base}/dead-letters", params={"limit": 201}, headers=ops)
        assert too_many.status_code == 422 and too_many.json()["code"] == "validation_error"
        first = (await client.get(f"{base}/outbox", params={"limit": 1}, headers=ops)).json()
        foreign = await client.get(f"{base}/jobs", params={"cursor": first["next_cursor"]}, headers=ops)
        assert foreign.status_code == 422 and foreign.json()["field"] == "cursor"


async def test_ops_actions_take_an_idempotency_key_on_both_databases(db_kind, db_factory, common_settings) -> None:  # type: ignore[no-untyped-def]
    """vipkit.idempotency on the ops POSTs of every service: a retried `retry` with the same key answers the
    first result again (`Idempotent-Replayed: true`) with no second effect; without the key the second call
    runs and is refused on its own merits (the job is no longer dead)."""
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    await seed(url)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    ops = {"Authorization": f"Bearer {mint_token('ops1', 'ops', secret=TEST_JWT_SECRET)}"}
    async with app_client(probe.create_app(url, settings)) as client:
        base = "/api/v1/ops/probe"
        [job] = (await client.get(f"{base}/jobs", params={"limit": 1}, headers=ops)).json()["items"]
        key = {**ops, "Idempotency-Key": "retry-4f1c"}
        first = await client.post(f"{base}/jobs/{job['id']}/retry", headers=key)
        assert first.status_code == 200 and first.json()["state"] == "pending", first.text
        again = await client.post(f"{base}/jobs/{job['id']}/retry", headers=key)
        assert again.status_code == 200 and again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        unkeyed = await client.post(f"{base}/jobs/{job['id']}/retry", headers=ops)
        assert unkeyed.status_code == 409 and unkeyed.json()["code"] == "conflict"
        dead = (await client.get(f"{base}/jobs", params={"state": "dead"}, headers=ops)).json()["items"]
        assert len(dead) == N - 1  # one job retried, once


async def test_forged_cursors_of_the_ops_lists_are_422_on_both_databases(db_kind, db_factory, common_settings) -> None:  # type: ignore[no-untyped-def]
    """Fuzz cases (issue 12 item 7): cursor values of 2^63 and more, far or naive times, wrong types."""
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    await seed(url)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    ops = {"Authorization": f"Bearer {mint_token('ops1', 'ops', secret=TEST_JWT_SECRET)}"}
    async with app_client(probe.create_app(url, settings)) as client:
        for path, name in (("jobs", "ops-jobs"), ("outbox", "ops-outbox"), ("dead-letters", "ops-dead-letters")):
            url_ = f"/api/v1/ops/probe/{path}"
            await assert_forged_cursors_refused(client, url_, ops, name, 1)
            wrong = await client.get(url_, params={"cursor": encode_cursor(name, ["C1"])}, headers=ops)
            assert wrong.status_code == 422 and wrong.json()["field"] == "cursor", wrong.text
        for path in (f"jobs/{2**63}/retry", f"outbox/{2**63}/discard", f"dead-letters/{2**63}/replay"):
            r = await client.post(f"/api/v1/ops/probe/{path}", headers=ops)
            assert r.status_code in (404, 422), (path, r.status_code, r.text)
