"""The background worker (worker.py): one pass delivers and sweeps (ledger effects are durable jobs)."""

from __future__ import annotations

import datetime as dt

from services.booking import attempts
from services.booking.tests.conftest import Env, new_customer

MON_0928 = "2026-09-28T10:00:00+08:00"


async def test_one_pass_delivers_and_sweeps_and_the_ledger_job_settles(env: Env) -> None:
    ctx = env.app.state.booking
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    # a pending ledger effect (entitlements was down at rejection time)
    env.standin.down = True
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    env.standin.down = False
    # a stranded attempt: reserved, never written
    stranded = new_customer()
    async with env.db.transaction() as session:
        assert await attempts.record_attempt(session, "BKSTRANDED", stranded, None, "h")
    unit = attempts.Unit("BKSTRANDED", "booking", stranded, "dental_cleaning", None)
    reservation_id = await attempts.reserve(ctx, unit)
    done = await env.worker.run_once(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10), sweep=True)
    assert done == 1  # the booking.requested webhook (the partner is unreachable: one failed attempt)
    assert await env.scalar("SELECT attempts FROM webhook_deliveries") == 1
    assert env.standin.reservations[reservation_id]["status"] == "released"
    assert (await env.get_booking(booking_id))["ledger"]["done"] is False
    assert await env.run_jobs() == 1  # the durable ledger job of the rejection
    assert (await env.get_booking(booking_id))["ledger"]["done"] is True


async def test_wake_before_start_is_harmless(env: Env) -> None:
    worker = env.worker
    worker.wake()
    assert worker.task is None
