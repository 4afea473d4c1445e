"""SPEC 4.2: booking SMS go to the mobile number of the customer's policies unless the request gives
``contact_mobile`` (the numbers come from ``policy.changed.v1``), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from contracts.events import PolicyChangedV1, Topic
from contracts.policy import PolicyDocument, resident_id
from services.booking.consumers import consumer_specs
from services.booking.tests.conftest import OPS, Env, make_common_settings, new_customer
from vipkit import clock
from vipkit.consumer import ConsumerRunner
from vipkit.events import build_event

MON_0928 = "2026-09-28T10:00:00+08:00"


def policy_changed(customer: str, policy_no: str, mobile: str, underwritten: str, insured: str | None = None) -> bytes:
    person: dict[str, Any] = {
        "customer_id": customer,
        "name": "丁华清",
        "id_type": "resident_id",
        "id_no": resident_id(dt.date(1990, 1, 1), 7),
        "mobile": mobile,
        "birth_date": "1990-01-01",
    }
    doc = PolicyDocument.model_validate(
        {
            "holder": person,
            "insured": {**person, "customer_id": insured or customer, "mobile": "13700137000" if insured else mobile},
            "product": {"code": "X-1", "name": "长生福", "kind": "traditional"},
            "channel": "agency",
            "payment_mode": "regular",
            "annual_premium": "10000.00",
            "payment_years": 10,
            "status": "in_force",
            "underwritten_at": underwritten,
            "effective_date": underwritten[:10],
        }
    )
    data = PolicyChangedV1(
        policy_no=policy_no,
        change="created",
        holder_customer_id=customer,
        insured_customer_id=insured or customer,
        first_policy_of_holder=True,
        policy=doc,
    )
    with clock.frozen(dt.datetime.fromisoformat(underwritten)):
        envelope = build_event(Topic.policy_changed.value, data, source="tiering")
    return json.dumps(envelope, ensure_ascii=False).encode()


async def deliver(env: Env, raw: bytes) -> str:
    (spec,) = consumer_specs()
    runner = ConsumerRunner(spec, env.db, make_common_settings(), service="booking")
    return (await runner.process(Topic.policy_changed.value, raw)).status


async def test_customers_get_their_booking_sms_at_the_mobile_of_their_policies(env: Env) -> None:
    customer, other = new_customer(), new_customer()
    assert await deliver(env, policy_changed(customer, "P1", "13911112222", "2026-05-08T15:30:00+08:00")) == "processed"
    # an older policy arriving late does not overwrite the newer policy's number; the insured gets theirs
    older = policy_changed(customer, "P0", "13600000000", "2025-01-08T15:30:00+08:00", insured=other)
    assert await deliver(env, older) == "processed"
    assert await deliver(env, older) == "duplicate"

    booked = await env.book(customer, "2026-10-08", now=MON_0928)  # no contact_mobile in the request
    assert booked.status_code == 201, booked.text
    booking_id = booked.json()["booking_id"]
    confirmed = await env.partner_webhook("booking.confirmed", booking_id, now=MON_0928)
    assert confirmed.status_code == 200, confirmed.text
    [sms] = [e["data"] for e in await env.outbox(Topic.notification_requested.value)]
    assert (sms["template"], sms["mobile"], sms["customer_id"]) == ("booking_confirmed", "13911112222", customer)
    payload = await env.scalar("SELECT payload FROM webhook_deliveries WHERE booking_id = :b", b=booking_id)
    data = (json.loads(payload) if isinstance(payload, str) else payload)["data"]
    assert data["contact_mobile"] == "13911112222"  # the clinic can call the customer

    # the day-before reminder too; a later policy with a new number is used from then on
    newer = policy_changed(customer, "P2", "13922223333", "2026-09-29T09:00:00+08:00")
    assert await deliver(env, newer) == "processed"
    run = await env.client.post("/api/v1/bookings/reminders/runs", json={"as_of": "2026-09-30"}, headers=OPS)
    assert run.status_code == 200, run.text
    reminder = [e["data"] for e in await env.outbox(Topic.notification_requested.value)][-1]
    assert (reminder["template"], reminder["mobile"]) == ("booking_reminder", "13922223333")

    # a number given in the request wins; the insured of the older policy has their own number
    given = await env.book(other, "2026-10-09", now=MON_0928, contact_mobile="13500135000")
    await env.partner_webhook("booking.confirmed", given.json()["booking_id"], now=MON_0928)
    last = [e["data"] for e in await env.outbox(Topic.notification_requested.value)][-1]
    assert (last["customer_id"], last["mobile"]) == (other, "13500135000")
