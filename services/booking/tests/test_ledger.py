"""The booking's consume/release effect on its unit (ledger.py): settled after the commit, kept on
failure, settled exactly once."""

from __future__ import annotations

from services.booking import ledger
from services.booking.tests.conftest import Env, new_customer

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


async def test_failed_settlement_is_kept_on_the_booking_and_retried_by_settle_pending(env: Env) -> None:
    ctx = env.app.state.booking
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    env.standin.down = True
    assert (await env.partner_webhook("booking.rejected", booking_id)).status_code == 200
    booking = await env.get_booking(booking_id)
    assert booking["status"] == "rejected"
    assert booking["ledger"]["done"] is False and "service_unavailable" in booking["ledger"]["error"]
    assert await env.scalar("SELECT ledger_attempts FROM bookings") == 1
    await ledger.settle_pending(ctx)  # still down: one more attempt counted
    assert await env.scalar("SELECT ledger_attempts FROM bookings") == 2
    env.standin.down = False
    await ledger.settle_pending(ctx)
    booking = await env.get_booking(booking_id)
    assert booking["ledger"]["done"] is True and booking["ledger"]["error"] is None
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "released"


async def test_settling_an_unknown_booking_is_done(env: Env) -> None:
    assert await ledger.settle_ledger(env.app.state.booking, "BKNOSUCHBOOKING") is True
