"""Outbound partner webhooks (webhooks_out.py): payload, signed delivery, the attempt log."""

from __future__ import annotations

import datetime as dt

from services.booking import rules, webhooks_out
from services.booking.models import Booking, WebhookDelivery
from services.booking.tests.conftest import OPS, SECRET_P1, Env, PartnerReceiver, customer_headers, new_customer
from services.booking.webhooks_in import verify
from vipkit.broker import free_port
from vipkit.testing import serve_app

MON_0928 = "2026-09-28T10:00:00+08:00"
T0 = dt.datetime(2026, 9, 28, 2, tzinfo=dt.UTC)


def _booking() -> Booking:
    return Booking(
        id="BK1",
        customer_id="C1",
        beneficiary_id=None,
        service_code="dental_cleaning",
        clinic_id="CL1",
        date=dt.date(2026, 10, 8),
        package_code="classic",
        contact_mobile="13900139000",
        status="pending",
    )


def test_booking_payload_carries_what_the_clinic_needs_and_a_reason_only_when_given() -> None:
    payload = webhooks_out.booking_payload(_booking())
    assert payload["date"] == "2026-10-08" and payload["contact_mobile"] == "13900139000"
    assert "reason" not in payload
    assert webhooks_out.booking_payload(_booking(), reason="客户取消")["reason"] == "客户取消"


def test_signed_headers_verify_with_the_same_secret() -> None:
    headers = webhooks_out.sign_headers(SECRET_P1, "msg_1", '{"a":1}', dt.datetime.now(dt.UTC))
    assert headers["webhook-id"] == "msg_1" and headers["webhook-signature"].startswith("v1,")
    verify(SECRET_P1, b'{"a":1}', headers)


def test_a_failed_attempt_is_logged_and_scheduled_by_the_retry_rule() -> None:
    row = WebhookDelivery(id="msg_1", partner_id="P1", attempts=0, status="pending")
    added: list[object] = []

    class Session:
        def add(self, obj: object) -> None:
            added.append(obj)

    failed = webhooks_out.Outcome(T0, 12, 503, "partner answered 503")
    webhooks_out.record_attempt(Session(), row, failed, T0)  # type: ignore[arg-type]
    assert row.attempts == 1 and row.status == "pending" and row.next_attempt_at == T0 + rules.RETRY_DELAYS[0]
    assert [a.outcome for a in added] == ["failed"]  # type: ignore[attr-defined]
    ok = webhooks_out.Outcome(T0, 8, 204, None)
    webhooks_out.record_attempt(Session(), row, ok, T0)  # type: ignore[arg-type]
    assert row.status == "delivered" and row.delivered_at == T0 and row.next_attempt_at is None
    assert row.attempts == 2 and row.last_status_code == 204


async def test_retry_of_a_delivered_message_leaves_it_delivered(env: Env) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hooks"
    await env.client.put(
        "/api/v1/partners/P1", json={"name": "P1", "webhook_url": url, "secret": SECRET_P1}, headers=OPS
    )
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    receiver = PartnerReceiver(SECRET_P1)
    async with serve_app(receiver.app(), port=port):
        assert await env.deliver_webhooks() == 1
    [delivery] = (
        await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    ).json()["items"]
    assert delivery["status"] == "delivered"
    r = await env.client.post(f"/api/v1/webhook-deliveries/{delivery['delivery_id']}/retry", headers=OPS)
    assert r.status_code == 200 and r.json()["status"] == "delivered"
    assert len(receiver.received) == 1
    r = await env.client.post("/api/v1/webhook-deliveries/msg_nope/retry", headers=OPS)
    assert r.status_code == 404


async def test_a_later_webhook_of_one_booking_waits_for_the_earlier_one_while_the_partner_is_down(env: Env) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hooks"
    await env.client.put(
        "/api/v1/partners/P1", json={"name": "P1", "webhook_url": url, "secret": SECRET_P1}, headers=OPS
    )
    customer = new_customer()
    booking_id = (await env.book(customer, "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert await env.deliver_webhooks() == 1  # booking.requested: the clinic is down, one failed attempt
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(customer, MON_0928))
    assert r.status_code == 200
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    assert await env.deliver_webhooks(later) == 1  # only the requested one again: the cancellation waits
    attempts = await env.scalar("SELECT count(*) FROM webhook_attempts")
    assert attempts == 2
    receiver = PartnerReceiver(SECRET_P1)
    async with serve_app(receiver.app(), port=port):
        later += dt.timedelta(minutes=6)
        assert await env.deliver_webhooks(later) == 1  # requested delivered, then the cancellation is free
        assert await env.deliver_webhooks(later) == 1
    assert [m["body"]["type"] for m in receiver.received] == ["booking.requested", "booking.cancelled"]
