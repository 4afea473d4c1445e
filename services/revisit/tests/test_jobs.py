"""jobs.py: the 10:00 daily job (scheduled once per day across replicas) and the run it does, whose
summary the scheduler records (SQLite and PostgreSQL)."""

from __future__ import annotations

from services.revisit import jobs, rules
from services.revisit.context import RevisitContext
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at
from services.revisit.tests.test_service import new_task, status_of
from vipkit import clock
from vipkit.scheduler import Scheduler
from vipkit.settings import CommonSettings


def test_one_daily_job_at_the_sms_batch_time(harness: RevisitHarness) -> None:
    ctx = RevisitContext(settings=harness.settings, common=CommonSettings(), db=harness.db)
    [job] = jobs.daily_jobs(ctx)
    assert (job.name, job.at) == ("revisit_daily_run", rules.SMS_BATCH_TIME)


async def test_daily_job_runs_at_1000_once_per_day(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    scheduler = Scheduler(
        harness.db, jobs.daily_jobs(RevisitContext(settings=harness.settings, common=CommonSettings(), db=harness.db))
    )
    with clock.frozen(at("2026-05-09 09:59:00")):
        assert await scheduler.tick(at("2026-05-09 09:59:00")) == []
    with clock.frozen(at("2026-05-09 10:00:10")):
        assert await scheduler.tick(at("2026-05-09 10:00:10")) == ["revisit_daily_run"]
        assert await scheduler.tick(at("2026-05-09 10:00:25")) == []
    assert await status_of(harness, policy_no) == "sms_sent"


async def test_run_revisits_summarises_what_the_run_did(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    with clock.frozen(at("2026-05-09 10:00:00")):
        summary = await jobs.run_revisits(harness.db, harness.settings, at("2026-05-09 10:00:00"))
        again = await jobs.run_revisits(harness.db, harness.settings, at("2026-05-09 10:00:00"))
    assert summary == "first_sms=1 second_sms=0 escalated=0"
    assert again == "first_sms=0 second_sms=0 escalated=0"  # committed: the same run finds nothing new
    assert await status_of(harness, policy_no) == "sms_sent"
