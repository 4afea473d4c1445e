"""Inbound partner webhooks (webhooks_in.py): signature, parsing, dedupe, state machine."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.booking.tests.conftest import SECRET_P1, SECRET_P2, Env, new_customer
from services.booking.webhooks_in import INBOUND_TYPES, parse_event, verify
from services.booking.webhooks_out import sign_headers
from vipkit.problems import InvalidSignature, ValidationProblem

MON_0928 = "2026-09-28T10:00:00+08:00"


def test_verify_accepts_the_signed_body_and_refuses_a_changed_one() -> None:
    body = json.dumps({"type": "booking.confirmed", "booking_id": "BK1", "data": {}})
    headers = sign_headers(SECRET_P1, "wh_1", body, dt.datetime.now(dt.UTC))
    verify(SECRET_P1, body.encode(), headers)
    with pytest.raises(InvalidSignature):
        verify(SECRET_P1, body.replace("BK1", "BK2").encode(), headers)
    with pytest.raises(InvalidSignature):
        verify(SECRET_P2, body.encode(), headers)
    with pytest.raises(InvalidSignature):
        verify(SECRET_P1, body.encode(), {k: v for k, v in headers.items() if k != "webhook-signature"})


def test_parse_event_names_the_bad_field() -> None:
    event = parse_event(b'{"type": "booking.no_show", "booking_id": "BK1", "data": {}}')
    assert INBOUND_TYPES[event.type] == "no_show"
    with pytest.raises(ValidationProblem) as err:
        parse_event(b'{"type": "booking.exploded", "booking_id": "BK1", "data": {}}')
    assert err.value.extra["field"] == "type"


async def test_the_same_status_twice_under_two_ids_is_unchanged_not_an_error(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    first = await env.partner_webhook("booking.confirmed", booking_id, webhook_id="wh-a")
    second = await env.partner_webhook("booking.confirmed", booking_id, webhook_id="wh-b")
    assert first.json() == {"status": "applied", "booking_id": booking_id, "booking_status": "confirmed"}
    assert second.json() == {"status": "unchanged", "booking_id": booking_id, "booking_status": "confirmed"}
    assert [e["data"]["template"] for e in await env.outbox("notification.requested.v1")] == ["booking_confirmed"]


async def test_unknown_partner_is_404(env: Env) -> None:
    r = await env.partner_webhook("booking.confirmed", "BK1", partner_id="NOPE")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


async def test_a_partner_cannot_complete_or_no_show_before_the_appointment_date(env: Env) -> None:
    """SPEC 4.2: completion and no-show are reported on or after the appointment date (409 before)."""
    booking_id = (await env.book(new_customer(), "2026-10-08", now="2026-09-28T10:00:00+08:00")).json()["booking_id"]
    assert (
        await env.partner_webhook("booking.confirmed", booking_id, now="2026-09-28T10:05:00+08:00")
    ).status_code == 200
    for event in ("booking.completed", "booking.no_show"):
        early = await env.partner_webhook(event, booking_id, webhook_id="wh-early", now="2026-10-07T23:59:59+08:00")
        assert early.status_code == 409 and early.json()["code"] == "illegal_transition", early.text
        assert early.json()["appointment_date"] == "2026-10-08" and "appointment date" in early.json()["detail"]
    assert (await env.get_booking(booking_id))["status"] == "confirmed"
    # the refused webhook-id was not burnt: the partner's retry on the day applies it
    on_the_day = await env.partner_webhook(
        "booking.completed", booking_id, webhook_id="wh-early", now="2026-10-08T16:00:00+08:00"
    )
    assert on_the_day.status_code == 200 and on_the_day.json()["booking_status"] == "completed"
