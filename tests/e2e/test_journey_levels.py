"""Journey (levels): buy → provisional → confirmed after the cooling-off → entitlements appear →
book a dental cleaning for the designated spouse 2 working days ahead across National Day → the
partner (the clinic simulator) confirms → cancel after the noon cutoff → the unit is forfeited in
the ledger → a second booking is refused with quota_exhausted. The booking SMS (confirmation, the
day-before reminder) are delivered to the mobile of the customer's policy (the request gives none).
Through the gateway only."""

from __future__ import annotations

import uuid

import httpx
import pytest
from vip_platform_client import AuthenticatedClient
from vip_platform_client.api.customer_app import create_booking, get_entitlement_ledger
from vip_platform_client.models import BookingCreate, CreateBookingResponse409, LedgerRead

from services.booking.demo import load_booking_demo
from tests.e2e.harness import Api, at, watch
from tests.e2e.policies import person, policy_body
from vipkit.testing import wait_for

pytestmark = pytest.mark.e2e


async def test_levels_dental_cleaning_for_a_spouse_across_national_day(levels_platform):
    cluster = levels_platform
    api = Api(cluster)
    watcher = await watch(cluster, "tier.changed.v1", "booking.changed.v1", "entitlement.changed.v1")
    customer = f"CL{uuid.uuid4().hex[:8]}"
    token = api.token(customer)
    try:
        load_booking_demo(cluster.gateway_url, api.ops, cluster.url("simulator"))

        # 1. buys a policy: provisional while in cooling-off (tier none, provisional platinum)
        holder = person(customer, "丁华清", "1985-03-02", 11)
        api.now = at("2026-09-01 09:00")
        await api.as_ops(
            "PUT",
            f"/api/v1/policies/P{customer}",
            json_body=policy_body(
                holder, premium="160000.00", effective="2026-09-01", underwritten="2026-08-30T15:00:00+08:00"
            ),
            expect=201,
        )
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"], tier["provisional_tier"]) == ("none", "provisional", "platinum")
        assert tier["provisional_until"] == "2026-09-16"
        ents = (await api.call("GET", f"/api/v1/customers/{customer}/entitlements", token=token)).json()
        dental = [s for s in ents.get("services", []) if s["service_code"] == "dental_cleaning"]
        assert not dental or not dental[0]["available"], "a provisional tier grants nothing"

        # 2. the cooling-off ends: the level becomes formal, entitlements appear
        api.now = None
        await api.as_ops("POST", "/api/v1/tiering/runs", json_body={"as_of": "2026-09-16"}, expect=(200, 201))
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"], tier["tier_name"]) == ("platinum", "confirmed", "铂金客户")
        changed = await watcher.wait("tier.changed.v1", customer_id=customer)
        assert changed[0]["value"]["data"]["to_tier"] == "platinum"
        assert changed[0]["key"] == customer

        async def dental_granted():
            body = (await api.call("GET", f"/api/v1/customers/{customer}/entitlements", token=token)).json()
            for s in body.get("services", []):
                if s["service_code"] == "dental_cleaning" and s["available"] and s["remaining"] == 1:
                    return s
            return None

        api.now = at("2026-09-29 10:00")
        granted = await wait_for(dental_granted, timeout=30, interval=0.2, what="dental cleaning grant")
        assert granted["quota"] == 1 and granted["package"] == "premium"

        # 3. designates the spouse and books 2 working days ahead across the National Day holiday
        spouse = person("", "王丽", "1987-06-15", 12)
        await api.call(
            "PUT",
            f"/api/v1/customers/{customer}/relatives/R1",
            token=token,
            json_body={"name": "王丽", "relation": "spouse", "id_no": spouse["id_no"], "birth_date": "1987-06-15"},
            expect=(200, 201),
        )
        booking_body = {
            "customer_id": customer,
            "service_code": "dental_cleaning",
            "clinic_id": "CL-BJ-001",
            "beneficiary_id": "R1",
            "package_code": "premium",
        }  # no contact_mobile: the SMS go to the mobile of the customer's policy (SPEC 4.2)
        too_early = await api.call(
            "POST", "/api/v1/bookings", token=token, json_body={**booking_body, "date": "2026-09-30"}
        )
        assert too_early.status_code == 422
        assert too_early.json()["code"] == "too_late_to_book"
        assert too_early.json()["earliest_date"] == "2026-10-08"
        earliest = await api.call(
            "GET", "/api/v1/bookings/earliest?service_code=dental_cleaning", token=token, expect=200
        )
        assert earliest.json()["earliest_date"] == "2026-10-08"
        created = await api.call(
            "POST",
            "/api/v1/bookings",
            token=token,
            json_body={**booking_body, "date": "2026-10-08"},
            headers={"Idempotency-Key": f"k-{customer}"},
            expect=201,
        )
        booking = created.json()
        assert booking["status"] == "pending"
        assert booking["cancel_deadline"].startswith("2026-09-30T12:00:00")

        # 4. the partner (clinic simulator) confirms through the signed webhook
        async def confirmed():
            b = (await api.call("GET", f"/api/v1/bookings/{booking['booking_id']}", token=token, expect=200)).json()
            return b if b["status"] == "confirmed" else None

        await wait_for(confirmed, timeout=30, interval=0.2, what="partner confirmation")
        other = api.token(f"CX{uuid.uuid4().hex[:6]}")
        assert (await api.call("GET", f"/api/v1/bookings/{booking['booking_id']}", token=other)).status_code == 404

        # 5. the day-before reminder (the working day before 10-08 is 09-30), then the confirmation and
        #    the reminder are delivered by the notifier to the policy's mobile (masked for ops)
        api.now = at("2026-09-30 09:00")
        await api.as_ops("POST", "/api/v1/bookings/reminders/runs", json_body={"as_of": "2026-09-30"}, expect=200)
        api.now = None

        async def delivered(template: str) -> dict | None:
            for n in await api.notifications(customer):
                if n.get("template") == template and n.get("reference") == booking["booking_id"]:
                    return n if n.get("status") == "sent" else None
            return None

        for template in ("booking_confirmed", "booking_reminder"):
            sms = await wait_for(lambda t=template: delivered(t), timeout=30, interval=0.2, what=f"{template} sent")
            assert sms["mobile"] == "138****8000" and sms["channel"] == "sms", sms

        # 6. cancels at 12:00:00 on the previous working day: too late, the use is forfeited
        api.now = at("2026-09-30 12:00:00")
        cancelled = await api.call("POST", f"/api/v1/bookings/{booking['booking_id']}/cancel", token=token, expect=200)
        assert cancelled.json()["status"] == "cancelled_late"
        assert cancelled.json()["quota_released"] is False

        # the ledger and the second booking through the typed client generated from the document (clients/python)
        def typed() -> AuthenticatedClient:
            return AuthenticatedClient(
                base_url=api.base, token=token, headers=api.headers(None), timeout=httpx.Timeout(30)
            )

        async def forfeited() -> LedgerRead | None:
            async with typed() as client:
                page = await get_entitlement_ledger.asyncio(customer, "dental_cleaning", client=client)
            assert isinstance(page, LedgerRead), page
            return page if any(e.action == "consumed" for e in page.items) else None

        ledger = await wait_for(forfeited, timeout=30, interval=0.2, what="forfeit in the ledger")
        actions = [e.action for e in ledger.items]
        assert "reserved" in actions and actions[-1] == "consumed" and ledger.next_cursor is None
        assert ledger.items[-1].remaining == 0 and ledger.items[-1].used == 1

        # 7. a second booking finds no unit left
        api.now = at("2026-09-30 13:00")
        async with typed() as client:
            body = BookingCreate.from_dict({**booking_body, "date": "2026-10-12"})
            again = await create_booking.asyncio(client=client, body=body, idempotency_key=f"{customer}-second")
        assert isinstance(again, CreateBookingResponse409) and again.code == "quota_exhausted"

        # the events on the topics, keyed by the customer
        statuses = [
            m["value"]["data"]["to_status"]
            for m in await watcher.wait("booking.changed.v1", count=3, booking_id=booking["booking_id"])
        ]
        assert statuses[:3] == ["pending", "confirmed", "cancelled_late"]
        assert await watcher.wait("entitlement.changed.v1", customer_id=customer)

        # the notifications requested along the way, in Chinese
        api.now = None
        upgrade = await api.wait_notification(customer, "tier_upgrade")
        assert "铂金" in upgrade["text"] and upgrade["mobile"] == "138****8000"
        confirmed_sms = await api.wait_notification(customer, "booking_confirmed")
        assert "2026" in confirmed_sms["text"] or "10月8日" in confirmed_sms["text"]
    finally:
        await watcher.stop()
        await api.aclose()
