"""Unit tests of the shared plumbing: clock, masking, logging, auth, scheduler claims."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging

import pytest
from sqlalchemy import select

from tests.foundation.probe import app as probe
from vipkit import clock
from vipkit.auth import Identity, TokenVerifier, ensure_customer_access, mint_token
from vipkit.db import Database, job_runs_table
from vipkit.logging import JsonFormatter
from vipkit.masking import mask_id_no, mask_mobile, mask_text
from vipkit.problems import NotFound, Unauthorized
from vipkit.scheduler import DailyJob, Scheduler, claim_occurrence
from vipkit.settings import CommonSettings


def test_masking_matches_the_spec_examples():
    assert mask_id_no("110101199001011234") == "110101********1234"
    assert mask_mobile("13800138000") == "138****8000"
    text = "holder 110101199001011234 mobile 13800138000 policy P20260000000001"
    assert mask_text(text) == "holder 110101********1234 mobile 138****8000 policy P20260000000001"
    assert mask_text("11010119900101123X") == "110101********123X"


def test_json_log_lines_are_masked():
    record = logging.LogRecord("x", logging.INFO, "f", 1, "sent to 13800138000", (), None)
    record.id_no = "110101199001011234"
    line = json.loads(JsonFormatter("probe").format(record))
    assert line["msg"] == "sent to 138****8000"
    assert line["id_no"] == "110101********1234"
    assert line["service"] == "probe" and line["level"] == "info"
    assert "13800138000" not in JsonFormatter("probe").format(record)


def test_clock_is_shanghai_and_overridable_per_context():
    assert clock.now().utcoffset() == dt.timedelta(hours=8)
    at = dt.datetime(2026, 9, 30, 3, 59, tzinfo=dt.UTC)
    with clock.frozen(at):
        assert clock.now() == at and clock.today() == dt.date(2026, 9, 30)
        assert clock.now().tzinfo == clock.SHANGHAI
    assert clock.override_value() is None
    with pytest.raises(ValueError):
        clock.parse_test_now("2026-09-30T10:00:00")


def test_tokens_roles_and_ownership():
    settings = CommonSettings(jwt_secret="s" * 32)
    verifier = TokenVerifier(settings)
    identity = verifier.verify(mint_token("C1", "customer", secret="s" * 32))
    assert identity == Identity("C1", "customer")
    ensure_customer_access(identity, "C1")
    with pytest.raises(NotFound):
        ensure_customer_access(identity, "C2")
    ensure_customer_access(verifier.verify(mint_token("ops1", "ops", secret="s" * 32)), "C2")
    with pytest.raises(Unauthorized):
        verifier.verify(mint_token("C1", "customer", secret="other" * 8))
    with pytest.raises(Unauthorized):
        verifier.verify(mint_token("C1", "customer", secret="s" * 32, ttl_seconds=-10))


async def test_a_job_occurrence_runs_once_across_replicas(db_kind, db_factory):
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    dbs = [Database(url), Database(url)]
    runs: list[dt.datetime] = []

    async def job(as_of: dt.datetime) -> int:
        runs.append(as_of)
        return 1

    schedulers = [Scheduler(d, [DailyJob("probe-daily", dt.time(10, 0), job)]) for d in dbs]
    before = clock.local_datetime(dt.date(2026, 9, 28), 9, 59, 59)
    after = clock.local_datetime(dt.date(2026, 9, 28), 10, 0, 0)
    assert [await s.tick(before) for s in schedulers] == [[], []]
    results = [await s.tick(after) for s in schedulers] + [await s.tick(after) for s in schedulers]
    assert sorted(map(len, results)) == [0, 0, 0, 1]
    assert runs == [after]
    assert await claim_occurrence(dbs[0], "probe-daily", "2026-09-29") is True
    assert await claim_occurrence(dbs[1], "probe-daily", "2026-09-29") is False
    for d in dbs:
        await d.dispose()


async def test_a_failed_occurrence_is_run_again_on_the_next_tick_once(db_kind, db_factory):
    """Issue 12: a scheduled run that raised is re-run on the next tick, exactly once."""
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    db = Database(url)
    calls: list[dt.datetime] = []

    async def job(as_of: dt.datetime) -> int:
        calls.append(as_of)
        if len(calls) == 1:
            raise ConnectionError("notifier down")
        return 1

    scheduler = Scheduler(db, [DailyJob("probe-daily", dt.time(10, 0), job)])
    at_ten = clock.local_datetime(dt.date(2026, 9, 28), 10, 0, 0)
    assert await scheduler.tick(at_ten) == []  # failed
    assert await scheduler.tick(at_ten + dt.timedelta(seconds=15)) == ["probe-daily"]  # re-run
    assert await scheduler.tick(at_ten + dt.timedelta(seconds=30)) == []  # once
    assert calls == [at_ten, at_ten]
    async with db.sessionmaker() as s:
        row = (await s.execute(select(job_runs_table))).mappings().one()
    assert row["attempts"] == 2 and row["finished_at"] is not None and row["result"] == "ok: 1"
    await db.dispose()


async def test_an_interrupted_occurrence_is_claimed_again_and_missed_days_catch_up_in_order(db_kind, db_factory):
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    db = Database(url)
    runs: list[dt.date] = []
    started = asyncio.Event()

    async def slow(as_of: dt.datetime) -> int:
        runs.append(as_of.date())
        started.set()
        await asyncio.sleep(3600)
        return 0

    async def quick(as_of: dt.datetime) -> int:
        runs.append(as_of.date())
        return 0

    day1 = clock.local_datetime(dt.date(2026, 9, 28), 10, 0, 0)
    task = asyncio.create_task(Scheduler(db, [DailyJob("probe-daily", dt.time(10, 0), slow)]).tick(day1))
    await started.wait()
    task.cancel()  # shutdown mid-run
    with contextlib.suppress(asyncio.CancelledError):
        await task
    # back three days later: the interrupted day first, then the missed days, in order, once each
    scheduler = Scheduler(db, [DailyJob("probe-daily", dt.time(10, 0), quick)])
    day4 = clock.local_datetime(dt.date(2026, 10, 1), 10, 0, 0)
    assert await scheduler.tick(day4) == ["probe-daily"] * 4
    assert await scheduler.tick(day4 + dt.timedelta(hours=1)) == []
    assert runs == [dt.date(2026, 9, 28), *(dt.date(2026, 9, 28) + dt.timedelta(days=n) for n in range(4))]
    await db.dispose()
