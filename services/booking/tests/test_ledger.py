"""The booking's consume/release effect on its unit (ledger.py): settled after the commit, kept on
failure, settled exactly once."""

from __future__ import annotations

from services.booking import ledger
from services.booking.tests.conftest import OPS, Env, new_customer

MON_0928 = "2026-09-28T10:00:00+08:00"


async def test_completion_consumes_the_unit_once_and_settling_again_is_a_no_op(env: Env) -> None:
    ctx = env.app.state.booking
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert (await env.partner_webhook("booking.confirmed", booking_id)).status_code == 200
    assert (await env.partner_webhook("booking.completed", booking_id)).status_code == 200
    booking = await env.get_booking(booking_id)
    assert booking["ledger"] == {"action": "consume", "reason": "completed", "done": True, "error": None}
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "consumed"
    calls = len(env.standin.calls)
    assert await ledger.settle_ledger(ctx, booking_id) is True
    assert len(env.standin.calls) == calls  # nothing left to do: entitlements is not called again


async def test_failed_settlement_is_kept_as_a_durable_job_and_retried_until_entitlements_answers(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    env.standin.down = True
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    booking = await env.get_booking(booking_id)
    assert booking["status"] == "rejected"
    # the customer sees a stable code, never the neighbour's internal error text
    assert booking["ledger"]["done"] is False and booking["ledger"]["error"] == "service_unavailable"
    assert await env.scalar("SELECT ledger_attempts FROM bookings") == 1
    assert await env.run_jobs() == 1  # still down: the job fails, is kept, retried later
    assert await env.scalar("SELECT ledger_attempts FROM bookings") == 2
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "pending"
    assert await env.scalar("SELECT last_error FROM durable_jobs WHERE kind LIKE '%.ledger'") == (
        "LedgerNotSettled: service_unavailable: "
        + (await env.scalar("SELECT ledger_error FROM bookings")).split(": ", 1)[1]
    )
    env.standin.down = False
    assert await env.run_jobs() == 1
    booking = await env.get_booking(booking_id)
    assert booking["ledger"]["done"] is True and booking["ledger"]["error"] is None
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "released"
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "done"
    assert await env.run_jobs() == 0


async def test_a_refused_settlement_goes_dead_visible_to_ops_and_never_loops(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    reservation_id = (await env.get_booking(booking_id))["reservation_id"]
    env.standin.reservations[reservation_id]["status"] = "consumed"  # settled the other way elsewhere
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    assert await env.run_jobs() == 1
    assert await env.scalar("SELECT state FROM durable_jobs WHERE kind LIKE '%.ledger'") == "dead"
    assert (await env.get_booking(booking_id))["ledger"]["error"] == "dead"
    r = await env.client.get("/api/v1/ops/booking/jobs", params={"state": "dead"}, headers=OPS)
    [job] = r.json()["items"]
    assert job["kind"] == "booking.ledger" and "illegal_transition" in job["last_error"]
    assert await env.run_jobs() == 0


async def test_settling_an_unknown_booking_is_done(env: Env) -> None:
    assert await ledger.settle_ledger(env.app.state.booking, "BKNOSUCHBOOKING") is True
