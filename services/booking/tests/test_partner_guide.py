"""docs/partners.md's Python example, run against the real booking service (SPEC 4.3).

The guide's code block is executed as written: a partner verifies the platform's outbound
``booking.requested`` message with ``verify_incoming`` (the official ``standardwebhooks`` library) and
reports back with ``report``; the platform applies it once and refuses a tampered or foreign message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from standardwebhooks.webhooks import WebhookVerificationError

from services.booking.models import WebhookDelivery
from services.booking.tests.conftest import SECRET_P1, SECRET_P2, Env, new_customer
from services.booking.webhooks_out import sign_headers

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "partners.md"
MON_0928 = "2026-09-28T10:00:00+08:00"


def guide_code() -> dict[str, Any]:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "docs/partners.md has one Python example"
    namespace: dict[str, Any] = {"__name__": "partner_guide"}
    exec(compile(blocks[0], str(GUIDE), "exec"), namespace)
    return namespace


async def test_the_guide_verifies_our_message_and_its_report_confirms_the_booking_once(env: Env) -> None:
    guide = guide_code()
    booking = await env.book(new_customer(), "2026-10-08", now=MON_0928, contact_mobile="13800138000")
    assert booking.status_code == 201, booking.text
    booking_id = booking.json()["booking_id"]

    # the message the platform queued for the clinic, signed as the worker signs it
    async with env.db.transaction() as session:
        delivery = (
            await session.execute(select(WebhookDelivery).where(WebhookDelivery.booking_id == booking_id))
        ).scalar_one()
    headers = sign_headers(SECRET_P1, delivery.id, delivery.payload, dt.datetime.now(dt.UTC))
    message = guide["verify_incoming"](SECRET_P1, delivery.payload.encode(), headers)
    assert message["type"] == "booking.requested" and message["data"]["booking_id"] == booking_id
    assert message["data"]["contact_mobile"] == "13800138000"  # the clinic needs the full number
    with pytest.raises(WebhookVerificationError):
        guide["verify_incoming"](SECRET_P2, delivery.payload.encode(), headers)  # another partner's secret
    with pytest.raises(WebhookVerificationError):
        guide["verify_incoming"](SECRET_P1, delivery.payload.replace("B", "X").encode(), headers)  # tampered

    confirmed = await guide["report"](env.client, "P1", SECRET_P1, "booking.confirmed", booking_id, {"note": "上午9点"})
    assert confirmed.status_code == 200, confirmed.text
    assert (await env.get_booking(booking_id))["status"] == "confirmed"
    # signed with the wrong secret: refused, nothing changes
    forged = await guide["report"](env.client, "P1", SECRET_P2, "booking.rejected", booking_id)
    assert forged.status_code == 401 and forged.json()["code"] == "invalid_signature"
    # a report for another partner's booking is not found
    other = await guide["report"](env.client, "P2", SECRET_P2, "booking.rejected", booking_id)
    assert other.status_code == 404
    assert (await env.get_booking(booking_id))["status"] == "confirmed"
    assert json.loads(delivery.payload)["type"] == "booking.requested"
