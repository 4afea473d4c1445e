"""One state-machine step with all its effects (transitions.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from services.booking import repository as repo
from services.booking.models import Booking
from services.booking.rules import BookingStatus
from services.booking.tests.conftest import Env, customer_headers, new_customer
from services.booking.transitions import transition
from vipkit.problems import IllegalTransition

MON_0928 = "2026-09-28T10:00:00+08:00"


async def test_a_concurrent_change_is_refused_and_writes_nothing(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    async with env.db.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        assert booking is not None and booking.status == "pending"
        # another request confirms it behind this one's back
        stmt = update(Booking).where(Booking.id == booking_id).values(status="confirmed")
        await session.execute(stmt.execution_options(synchronize_session=False))
        with pytest.raises(IllegalTransition) as err:
            await transition(session, booking, BookingStatus.rejected, actor="t", reason=None, service_name="洁牙")
    assert "concurrently" in err.value.detail
    changed = await env.outbox("booking.changed.v1")
    assert [e["data"]["to_status"] for e in changed] == ["pending"]


async def test_an_illegal_step_is_refused_with_both_statuses(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    async with env.db.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        assert booking is not None
        with pytest.raises(IllegalTransition) as err:
            await transition(session, booking, BookingStatus.completed, actor="t", reason=None, service_name="x")
    assert err.value.extra == {"from_status": "pending", "to_status": "completed"}


async def test_cancellation_frees_the_place_tells_the_customer_and_the_partner(env: Env) -> None:
    customer = new_customer()
    booking_id = (await env.book(customer, "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert await env.scalar("SELECT booked FROM capacity_counters") == 1
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(customer, MON_0928))
    assert r.status_code == 200
    assert await env.scalar("SELECT booked FROM capacity_counters") == 0
    notes = [e["data"]["template"] for e in await env.outbox("notification.requested.v1")]
    assert notes == ["booking_cancelled"]
    sql = "SELECT count(*) FROM webhook_deliveries WHERE event_type = :t AND booking_id = :b"
    assert await env.scalar(sql, t="booking.cancelled", b=booking_id) == 1
    assert await env.scalar(sql, t="booking.requested", b=booking_id) == 1


async def test_a_partners_rejection_reason_is_not_pasted_into_the_customers_sms(env: Env) -> None:
    """The reason is the partner's free text (for ops, in the history); the customer gets a clear SMS."""
    booking_id = (await env.book(new_customer(), "2026-10-08", contact_mobile="13900139000")).json()["booking_id"]
    reason = "张医生休假，联系13812345678"
    r = await env.partner_webhook("booking.rejected", booking_id, data={"reason": reason})
    assert r.status_code == 200 and r.json()["booking_status"] == "rejected"
    [sms] = [e["data"] for e in await env.outbox("notification.requested.v1")]
    assert sms["template"] == "booking_rejected" and "张医生" not in sms["text"] and "13812345678" not in sms["text"]
    assert "未能安排" in sms["text"] and "已退回" in sms["text"]
    history = (await env.get_booking(booking_id))["history"]
    assert history[-1]["to_status"] == "rejected" and "张医生" in (history[-1]["reason"] or "")
