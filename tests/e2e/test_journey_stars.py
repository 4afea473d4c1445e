"""Journeys (stars), through the gateway only.

1. A 4-star customer's policy lapses → pre-downgrade notice at the quarter's review → grace →
   downgrade at the next review → entitlements shrink; a booking confirmed earlier is still honoured.
2. Revisit: a new policy → the 10:00 SMS carries a link → the H5 flow over HTTP (identity, answers
   after the minimum time) → completed published; another policy answered "no" → phone queue.
"""

from __future__ import annotations

import re
import uuid

import pytest

from services.booking.demo import DEMO_PARTNER_ID, DEMO_PARTNER_SECRET, load_booking_demo
from tests.e2e.harness import Api, at, sign_partner_webhook, watch
from tests.e2e.policies import person, policy_body
from vipkit.testing import wait_for

pytestmark = pytest.mark.e2e


async def test_stars_lapse_grace_downgrade_and_an_earlier_booking_is_honoured(stars_platform):
    cluster = stars_platform
    api = Api(cluster)
    watcher = await watch(cluster, "tier.changed.v1", "booking.changed.v1")
    customer = f"CS{uuid.uuid4().hex[:8]}"
    token = api.token(customer)
    try:
        load_booking_demo(cluster.gateway_url, api.ops, cluster.url("simulator"))
        holder = person(customer, "王建国", "1975-05-20", 21)

        # a 4-star customer: two policies of 60,000 standard premium, past their cooling-off
        api.now = at("2026-02-01 09:00")
        for n in (1, 2):
            await api.as_ops(
                "PUT",
                f"/api/v1/policies/P{customer}{n}",
                json_body=policy_body(
                    holder, premium="60000.00", effective="2026-01-05", underwritten="2026-01-03T15:00:00+08:00"
                ),
                expect=201,
            )
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"], tier["tier_name"]) == ("star_4", "confirmed", "四星客户")
        assert (tier["next_tier"]["tier"], tier["next_tier"]["score_needed"]) == ("star_5", "180000.00")

        async def entitlement(code: str):
            body = (await api.call("GET", f"/api/v1/customers/{customer}/entitlements", token=token, expect=200)).json()
            return next((s for s in body["services"] if s["service_code"] == code), None)

        async def assisted_available():
            s = await entitlement("registration_assisted")
            return s if s and s["available"] else None

        await wait_for(assisted_available, timeout=30, interval=0.2, what="4-star grants")

        # books an assisted registration (4★+) for a date after the next review; the clinic confirms
        api.now = at("2026-03-02 10:00")
        created = await api.call(
            "POST",
            "/api/v1/bookings",
            token=token,
            expect=201,
            json_body={
                "customer_id": customer,
                "service_code": "registration_assisted",
                "clinic_id": "CL-GZ-001",
                "date": "2026-07-03",
                "contact_mobile": "13800138000",
            },
        )
        booking_id = created.json()["booking_id"]

        async def status_is(wanted: str):
            b = (await api.call("GET", f"/api/v1/bookings/{booking_id}", token=token, expect=200)).json()
            return b if b["status"] == wanted else None

        await wait_for(lambda: status_is("confirmed"), timeout=30, interval=0.2, what="partner confirmation")

        # one policy lapses: below the 4-star bound, but stars only downgrades at a review
        api.now = at("2026-03-10 09:00")
        await api.as_ops(
            "PUT",
            f"/api/v1/policies/P{customer}2",
            json_body=policy_body(
                holder,
                premium="60000.00",
                effective="2026-01-05",
                underwritten="2026-01-03T15:00:00+08:00",
                status="lapsed",
            ),
            expect=200,
        )
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"]) == ("star_4", "confirmed")

        # the quarter's review: pre-downgrade notice and grace until the next review date
        api.now = None
        await api.as_ops("POST", "/api/v1/tiering/runs", json_body={"as_of": "2026-03-31"}, expect=(200, 201))
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"]) == ("star_4", "grace")
        assert tier["pending_downgrade"]["to"] == "star_3"
        assert str(tier["pending_downgrade"]["at"]).startswith("2026-06-30")
        notice = await api.wait_notification(customer, "tier_pre_downgrade")
        assert "四星" in notice["text"] or "降级" in notice["text"]

        # the next review: still below → downgraded; entitlements shrink
        await api.as_ops("POST", "/api/v1/tiering/runs", json_body={"as_of": "2026-06-30"}, expect=(200, 201))
        tier = (await api.call("GET", f"/api/v1/customers/{customer}/tier", token=token, expect=200)).json()
        assert (tier["tier"], tier["status"], tier["pending_downgrade"]) == ("star_3", "confirmed", None)
        downgrade = await api.wait_notification(customer, "tier_downgrade")
        assert "三星" in downgrade["text"]
        events = [m["value"]["data"] for m in await watcher.wait("tier.changed.v1", count=2, customer_id=customer)]
        assert [(e["to_tier"], e["reason"]) for e in events][-1] == ("star_3", "downgrade")
        assert [e["sequence"] for e in events] == sorted(e["sequence"] for e in events)

        async def assisted_gone():
            s = await entitlement("registration_assisted")
            return s is None or not s["available"]

        api.now = at("2026-07-01 10:00")
        await wait_for(assisted_gone, timeout=30, interval=0.2, what="entitlements to shrink")
        refused = await api.call(
            "POST",
            "/api/v1/bookings",
            token=token,
            json_body={
                "customer_id": customer,
                "service_code": "registration_assisted",
                "clinic_id": "CL-GZ-001",
                "date": "2026-07-10",
            },
        )
        assert refused.status_code == 403 and refused.json()["code"] == "not_entitled"

        # the booking confirmed before the downgrade is still honoured: the clinic completes it
        assert await status_is("confirmed")
        body, headers = sign_partner_webhook(
            DEMO_PARTNER_SECRET,
            {"type": "booking.completed", "booking_id": booking_id, "data": {}},
            msg_id=f"msg-{uuid.uuid4().hex}",
        )
        r = await api.client.post(f"/api/v1/partners/{DEMO_PARTNER_ID}/webhooks", content=body, headers=headers)
        assert r.status_code == 200, r.text
        await wait_for(lambda: status_is("completed"), timeout=30, interval=0.2, what="completion")
        ledger = (
            await api.call(
                "GET",
                f"/api/v1/customers/{customer}/entitlements/registration_assisted/ledger",
                token=token,
                expect=200,
            )
        ).json()
        assert ledger["items"][-1]["action"] == "consumed"
        statuses = [
            m["value"]["data"]["to_status"]
            for m in await watcher.wait("booking.changed.v1", count=3, booking_id=booking_id)
        ]
        assert statuses == ["pending", "confirmed", "completed"]
    finally:
        await watcher.stop()
        await api.aclose()


async def _answer(api: Api, link: str, holder: dict, answers: str, started: str, submitted: str) -> dict:
    token = link.rsplit("/r/", 1)[1]
    page = await api.client.get(f"/r/{token}")
    assert page.status_code == 200 and "回访" in page.text
    api.now = at(started)
    wrong = await api.call(
        "POST",
        "/api/v1/revisit-sessions",
        json_body={"token": token, "id_last6": "000000", "birth_date": holder["birth_date"]},
    )
    assert wrong.json()["code"] == "identity_mismatch"
    session = (
        await api.call(
            "POST",
            "/api/v1/revisit-sessions",
            expect=(200, 201),
            json_body={"token": token, "id_last6": holder["id_no"][-6:], "birth_date": holder["birth_date"]},
        )
    ).json()
    assert session["min_seconds"] == 60 and len(session["questions"]) == 6
    assert all(re.search(r"[\u4e00-\u9fff]", q["text"]) for q in session["questions"])
    reply = [{"question_id": q["id"], "answer": "yes"} for q in session["questions"]]
    if answers == "one_no":
        reply[2]["answer"] = "no"
    fast = await api.call(
        "POST", f"/api/v1/revisit-sessions/{session['session_id']}/submit", json_body={"answers": reply}
    )
    assert fast.json()["code"] == "answered_too_fast"
    api.now = at(submitted)
    return (
        await api.call(
            "POST", f"/api/v1/revisit-sessions/{session['session_id']}/submit", json_body={"answers": reply}, expect=200
        )
    ).json()


async def test_revisit_sms_link_h5_answers_completed_and_a_no_goes_to_the_phone_queue(stars_platform):
    cluster = stars_platform
    api = Api(cluster)
    watcher = await watch(cluster, "revisit.changed.v1")
    customer = f"CR{uuid.uuid4().hex[:8]}"
    try:
        holder = person(customer, "李秀英", "1990-01-01", 31, mobile="13900139000")
        api.now = at("2026-05-08 15:31")
        for policy_no in (f"P{customer}A", f"P{customer}B"):
            await api.as_ops(
                "PUT",
                f"/api/v1/policies/{policy_no}",
                expect=201,
                json_body=policy_body(
                    holder, premium="3233.00", effective="2026-05-09", underwritten="2026-05-08T15:30:00+08:00"
                ),
            )

        async def tasks():
            found = []
            for policy_no in (f"P{customer}A", f"P{customer}B"):
                body = (await api.as_ops("GET", f"/api/v1/revisits?policy_no={policy_no}", expect=200)).json()
                found += body["items"]
            return found if len(found) == 2 else None

        await wait_for(tasks, timeout=30, interval=0.2, what="both revisit tasks from policy.changed.v1")

        # the 10:00 batch the next day sends one SMS per policy with a personal link
        api.now = None
        run = (
            await api.as_ops(
                "POST", "/api/v1/revisits/runs", json_body={"as_of": "2026-05-09T10:00:00+08:00"}, expect=200
            )
        ).json()
        assert {f"P{customer}A", f"P{customer}B"} <= set(run["first_sms_policies"])

        async def sms_links():
            found = {}
            for n in await api.notifications(customer):
                if n["template"] == "revisit_first_sms":
                    m = re.search(r"(http://\S+/r/[A-Za-z0-9_\-]+)", n["text"])
                    if m:
                        found[n.get("reference")] = (m.group(1), n)
            return found if len(found) >= 2 else None

        links = await wait_for(sms_links, timeout=30, interval=0.2, what="two revisit SMS")
        link_a, sms = links[f"P{customer}A"]
        assert "回访" in sms["text"] and sms["mobile"] == "139****9000"
        assert link_a.startswith(cluster.gateway_url)

        done = await _answer(api, link_a, holder, "all_yes", "2026-05-09 12:00:00", "2026-05-09 12:01:01")
        assert (done["outcome"], done["task_status"]) == ("completed", "completed")
        completed = await watcher.wait("revisit.changed.v1", policy_no=f"P{customer}A", to_status="completed")
        assert completed[0]["key"] == customer

        link_b, _ = links[f"P{customer}B"]
        problem = await _answer(api, link_b, holder, "one_no", "2026-05-09 12:05:00", "2026-05-09 12:06:30")
        assert problem["outcome"] == "problem"
        api.now = None
        queue_url = f"/api/v1/phone-queue?customer_id={customer}&limit=200"
        queue = (await api.as_ops("GET", queue_url, expect=200)).json()["items"]
        item = next(i for i in queue if i["policy_no"] == f"P{customer}B")
        assert any(a["answer"] == "no" for a in item["answers"])
        problem_event = await watcher.wait("revisit.changed.v1", policy_no=f"P{customer}B", to_status="problem")
        assert problem_event[0]["value"]["data"]["outcome"] == "problem"
    finally:
        await watcher.stop()
        await api.aclose()
