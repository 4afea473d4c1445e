"""Issue 12 item 1: durable jobs (vipkit.durable) on SQLite and PostgreSQL.

Written in the caller's transaction, leased, retried with capped exponential backoff and jitter,
``dead`` after the retry window or a permanent error, re-runnable by ops, ordered per key.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from typing import Any

import pytest
from sqlalchemy import text

from tests.foundation.probe import app as probe
from vipkit.db import Database
from vipkit.durable import JobKind, JobRunner, PermanentJobError, backoff_seconds, enqueue, enqueue_many
from vipkit.durable_ops import count_by_state, discard_job, get_job, list_jobs, retry_job
from vipkit.testing import wait_for


def test_backoff_is_exponential_with_jitter_and_a_cap():
    assert backoff_seconds(1, base=1, cap=300, rand=lambda: 1.0) == 1
    assert backoff_seconds(4, base=1, cap=300, rand=lambda: 1.0) == 8
    assert backoff_seconds(4, base=1, cap=300, rand=lambda: 0.0) == 4  # jitter: between half and full
    assert backoff_seconds(30, base=1, cap=300, rand=lambda: 1.0) == 300
    assert backoff_seconds(10_000, base=1, cap=300, rand=lambda: 0.5) == 225


@pytest.fixture
async def db(db_kind, db_factory):
    database = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    yield database
    await database.dispose()


def fast_runner(db: Database, kinds: dict[str, JobKind], **kw: Any) -> JobRunner:
    options: dict[str, Any] = {"base_seconds": 0.02, "cap_seconds": 0.1, "poll_seconds": 0.02, "lease_seconds": 5.0}
    options.update(kw)
    return JobRunner(db, kinds, name="test", **options)


async def test_a_job_commits_with_its_cause_or_not_at_all_and_runs_once(db):
    ran: list[dict[str, Any]] = []

    async def handler(payload: dict[str, Any]) -> None:
        ran.append(payload)

    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await enqueue(session, "probe.effect", {"n": 0})
            raise RuntimeError("the state change failed")
    async with db.transaction() as session:
        assert await enqueue(session, "probe.effect", {"n": 1}, dedupe_key="k1")
        assert not await enqueue(session, "probe.effect", {"n": 1}, dedupe_key="k1")
    runners = [fast_runner(db, {"probe.effect": JobKind(handler)}) for _ in range(2)]
    await asyncio.gather(*(r.run_once() for r in runners))
    assert ran == [{"n": 1}]
    async with db.sessionmaker() as session:
        assert await count_by_state(session) == {"done": 1}


async def test_a_failing_job_is_retried_with_backoff_and_keeps_its_last_error(db):
    calls: list[float] = []

    async def flaky(payload: dict[str, Any]) -> None:
        calls.append(asyncio.get_running_loop().time())
        if len(calls) < 4:
            raise ConnectionError(f"entitlements down (call {len(calls)})")

    async with db.transaction() as session:
        await enqueue(session, "probe.flaky", {})
    runner = fast_runner(db, {"probe.flaky": JobKind(flaky)})
    task = asyncio.create_task(runner.run())
    try:
        await wait_for(lambda: len(calls) >= 4, timeout=20, what="four attempts")

        async def done() -> bool:
            async with db.sessionmaker() as session:
                job = (await list_jobs(session, state=None, kind="probe.flaky", limit=1))[0]
                return job["state"] == "done"

        await wait_for(done, timeout=10, what="job done")
    finally:
        await runner.stop()
        await task
    async with db.sessionmaker() as session:
        job = (await list_jobs(session, state="done", kind=None, limit=1))[0]
    assert job["attempts"] == 4
    assert job["last_error"] == "ConnectionError: entitlements down (call 3)"
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    assert all(gap >= 0.009 for gap in gaps), gaps  # never an immediate hot loop


async def test_a_permanent_error_or_an_expired_window_makes_it_dead_visible_and_rerunnable(db):
    outcome = {"fail": True}
    dead_notes: list[str] = []

    async def handler(payload: dict[str, Any]) -> None:
        if outcome["fail"]:
            if payload["permanent"]:
                raise PermanentJobError("partner refused: unknown booking")
            raise TimeoutError("still down")

    async def on_dead(session: Any, payload: dict[str, Any], error: str) -> None:
        await session.execute(text("SELECT 1"))  # runs in the transaction that marks it dead
        dead_notes.append(f"{payload['permanent']}:{error}")

    async with db.transaction() as session:
        await enqueue(session, "probe.x", {"permanent": True})
        await enqueue(session, "probe.x", {"permanent": False}, retry_for=dt.timedelta(0))
    runner = fast_runner(db, {"probe.x": JobKind(handler, on_dead)})
    assert await runner.run_once() == 2
    async with db.sessionmaker() as session:
        dead = await list_jobs(session, state="dead", kind=None, limit=10)
    assert sorted(j["last_error"] for j in dead) == [
        "PermanentJobError: partner refused: unknown booking",
        "TimeoutError: still down",
    ]
    assert sorted(dead_notes) == [
        "False:TimeoutError: still down",
        "True:PermanentJobError: partner refused: unknown booking",
    ]
    assert await runner.run_once() == 0  # dead jobs are not picked up by themselves

    outcome["fail"] = False
    async with db.transaction() as session:
        for job in dead:
            assert await retry_job(session, job["id"])
        assert not await retry_job(session, 999_999)
    assert await runner.run_once() == 2
    async with db.sessionmaker() as session:
        assert await count_by_state(session) == {"done": 2}
        again = await get_job(session, dead[0]["id"])
    assert again is not None and again["attempts"] == 2


async def test_jobs_with_one_ordering_key_run_in_order_and_a_dead_one_holds_the_rest(db):
    ran: list[str] = []

    async def handler(payload: dict[str, Any]) -> None:
        if payload["name"] == "poison":
            raise PermanentJobError("refused")
        ran.append(payload["name"])

    async with db.transaction() as session:
        for name in ("b1-requested", "poison", "b1-cancelled"):
            await enqueue(session, "probe.hook", {"name": name}, ordering_key="booking-1")
        await enqueue(session, "probe.hook", {"name": "b2-requested"}, ordering_key="booking-2")
    runner = fast_runner(db, {"probe.hook": JobKind(handler)}, batch=1)
    while await runner.run_once():
        pass
    assert ran == ["b1-requested", "b2-requested"]
    async with db.transaction() as session:
        dead = await list_jobs(session, state="dead", kind=None, limit=1)
        assert await discard_job(session, dead[0]["id"])
    while await runner.run_once():
        pass
    assert ran == ["b1-requested", "b2-requested", "b1-cancelled"]


async def test_a_job_whose_runner_died_is_claimed_again_after_its_lease(db):
    ran: list[int] = []

    async def handler(payload: dict[str, Any]) -> None:
        ran.append(1)

    async with db.transaction() as session:
        await enqueue(session, "probe.lease", {})
    dying = fast_runner(db, {"probe.lease": JobKind(handler)}, lease_seconds=0.3)
    assert len(await dying.claim()) == 1  # claimed, then the process "dies" before running it
    survivor = fast_runner(db, {"probe.lease": JobKind(handler)})
    assert await survivor.run_once() == 0  # still leased
    assert await wait_for(survivor.run_once, timeout=10, what="re-claim after the lease") == 1
    assert ran == [1]
    async with db.sessionmaker() as session:
        job = (await list_jobs(session, state="done", kind=None, limit=1))[0]
    assert job["attempts"] == 2


async def test_enqueue_many_adds_a_batch_in_one_insert_skips_known_keys_and_two_runners_share_it(db):
    ran: list[int] = []

    async def handler(payload: dict[str, Any]) -> None:
        await asyncio.sleep(0.01)
        ran.append(payload["n"])

    async with db.transaction() as session:
        await enqueue_many(session, "probe.many", [({"n": n}, f"many:{n}") for n in range(30)])
        await enqueue_many(session, "probe.many", [({"n": 0}, "many:0"), ({"n": 30}, "many:30")])  # 0 is known
        await enqueue_many(session, "probe.many", [])
    other = Database(db.url)  # a second replica: its own engine and connections
    try:
        runners = [fast_runner(d, {"probe.many": JobKind(handler)}, batch=8) for d in (db, other, db, other)]
        while sum(await asyncio.gather(*(r.run_once() for r in runners))):
            pass
    finally:
        await other.dispose()
    assert sorted(ran) == list(range(31))  # each once, though four runners claimed at the same time
    async with db.sessionmaker() as session:
        assert await count_by_state(session) == {"done": 31}


async def test_a_kind_with_its_own_schedule_waits_as_told_and_goes_dead_when_it_ends(db):
    calls: list[float] = []

    async def handler(payload: dict[str, Any]) -> None:
        calls.append(asyncio.get_running_loop().time())
        raise ConnectionError("partner down")

    schedule = {1: 0.05, 2: 0.3}
    kinds = {"probe.scheduled": JobKind(handler, retry_delay=schedule.get)}
    async with db.transaction() as session:
        await enqueue(session, "probe.scheduled", {})
    runner = fast_runner(db, kinds)
    while len(calls) < 3:
        await runner.run_once()
        await asyncio.sleep(0.01)
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.3  # the kind's delays, not the runner's backoff
    async with db.sessionmaker() as session:
        [job] = await list_jobs(session, state=None, kind="probe.scheduled", limit=1)
    assert (job["state"], job["attempts"]) == ("dead", 3)  # no delay after the third failure: given up
