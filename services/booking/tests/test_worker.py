"""Booking's background work as durable jobs (jobs.py): partner webhooks, the attempt sweeper and the
reservation comparison (recurring jobs, one replica each), the ledger effects."""

from __future__ import annotations

import dataclasses
import datetime as dt

from services.booking import attempts, jobs
from services.booking.tests.conftest import Env, new_customer
from vipkit.durable import JobRunner
from vipkit.testing import wait_for

MON_0928 = "2026-09-28T10:00:00+08:00"


async def stranded_reservation(env: Env) -> str:
    """A stranded attempt: reserved at entitlements, the booking never written."""
    stranded = new_customer()
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "BKSTRANDED", stranded, None, "h")
    unit = attempts.Unit("BKSTRANDED", "booking", stranded, "dental_cleaning", None)
    return await attempts.reserve(env.app.state.booking, unit)


async def test_one_pass_delivers_and_sweeps_and_the_ledger_job_settles(env: Env) -> None:
    ctx = env.app.state.booking
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    # a pending ledger effect (entitlements was down at rejection time)
    env.standin.down = True
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    env.standin.down = False
    reservation_id = await stranded_reservation(env)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    done = await env.deliver_webhooks(later)
    await attempts.sweep_attempts(ctx, later)
    assert done == 1  # the booking.requested webhook (the partner is unreachable: one failed attempt)
    assert await env.scalar("SELECT attempts FROM webhook_deliveries") == 1
    assert env.standin.reservations[reservation_id]["status"] == "released"
    assert (await env.get_booking(booking_id))["ledger"]["done"] is False
    assert await env.run_jobs() == 1  # the durable ledger job of the rejection
    assert (await env.get_booking(booking_id))["ledger"]["done"] is True


async def test_the_sweeper_is_a_recurring_job_run_by_one_replica_per_interval(env: Env) -> None:
    ctx = env.app.state.booking
    settings = ctx.settings.model_copy(update={"worker_enabled": True, "sweeper_interval_seconds": 0.2})
    kinds = jobs.job_kinds(dataclasses.replace(ctx, settings=settings))
    assert {jobs.SWEEP_JOB, jobs.COMPARE_JOB} <= set(kinds)
    replicas = [JobRunner(env.db, kinds, name=f"replica-{n}", poll_seconds=0.02) for n in range(2)]
    reservation_id = await stranded_reservation(env)
    assert [await r.run_once() for r in replicas] == [0, 0]  # the first run one interval after the start
    assert await env.scalar("SELECT count(*) FROM durable_jobs WHERE kind = :k", k=jobs.SWEEP_JOB) == 1

    async def one_ran() -> bool:
        return sum([await r.run_once() for r in replicas]) == 1

    await wait_for(one_ran, timeout=5, what="the sweeper's occurrence")
    assert env.standin.reservations[reservation_id]["status"] == "released"
    row = await env.scalar("SELECT state || ':' || attempts FROM durable_jobs WHERE kind = :k", k=jobs.SWEEP_JOB)
    assert row == "pending:0"  # due again one interval later, never done
