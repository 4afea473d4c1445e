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
