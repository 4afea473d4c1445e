"""SPEC 4.2 / 7 through the HTTP API, on SQLite and PostgreSQL, against the entitlements stand-in."""

from __future__ import annotations

import datetime as dt

from services.booking.tests.conftest import OPS, SECRET_P1, Env, customer_headers, new_customer, ops_headers

MON_0928 = "2026-09-28T10:00:00+08:00"
TUE_0929 = "2026-09-29T10:00:00+08:00"


# --- advance notice (SPEC 4.2 worked examples) -----------------------------------------------------
async def test_spec_example_requested_tuesday_0929_earliest_is_thursday_1008(env: Env) -> None:
    c = new_customer()
    r = await env.book(c, "2026-09-30", now=TUE_0929)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "too_late_to_book"
    assert body["earliest_date"] == "2026-10-08"
    assert r.headers["content-type"].startswith("application/problem+json")
    assert env.standin.reservations == {}  # refused before anything was reserved

    r = await env.book(c, "2026-10-08", now=TUE_0929)
    assert r.status_code == 201, r.text
    booking = r.json()
    assert booking["status"] == "pending"
    assert booking["cancel_deadline"] == "2026-09-30T12:00:00+08:00"  # SPEC: Wed 09-30 12:00
    assert len(env.standin.with_status("reserved", c)) == 1


async def test_spec_example_earliest_endpoint(env: Env) -> None:
    c = new_customer()
    for now, earliest in (
        (MON_0928, "2026-09-30"),
        (TUE_0929, "2026-10-08"),
        ("2026-09-30T09:00:00+08:00", "2026-10-09"),
    ):
        r = await env.client.get(
            "/api/v1/bookings/earliest",
            params={"service_code": "dental_cleaning", "clinic_id": "CL1"},
            headers=customer_headers(c, now),
        )
        assert r.status_code == 200, r.text
        assert r.json()["earliest_date"] == earliest
        assert r.json()["earliest_open_date"] == earliest


async def test_spec_example_deadline_on_make_up_saturday(env: Env) -> None:
    r = await env.book(new_customer(), "2026-10-12", now=MON_0928)
    assert r.status_code == 201, r.text
    assert r.json()["cancel_deadline"] == "2026-10-10T12:00:00+08:00"


async def test_stars_checkup_needs_three_working_days(env: Env) -> None:
    r = await env.book(new_customer(), "2026-09-30", now=MON_0928, service_code="health_checkup")
    assert r.status_code == 422 and r.json()["earliest_date"] == "2026-10-08"


# --- opening days, capacity, calendar -------------------------------------------------------------------
async def test_clinic_closed_on_holiday_and_non_opening_weekday(env: Env) -> None:
    c = new_customer()
    r = await env.book(c, "2026-10-10", now=MON_0928)  # make-up Saturday, clinic opens Mon-Fri
    assert r.status_code == 422 and r.json()["code"] == "clinic_closed"
    assert r.json()["opening_weekdays"] == [1, 2, 3, 4, 5]
    await env.put_clinic("CL1", "P1", capacity=5, weekdays=[1, 2, 3, 4, 5, 6, 7])
    r = await env.book(c, "2026-10-05", now=MON_0928)  # National Day Monday: closed by default
    assert r.status_code == 422 and r.json()["code"] == "clinic_closed"
    assert r.json()["holiday"] == "国庆节（补假）"
    await env.put_clinic("CL1", "P1", capacity=5, weekdays=[1, 2, 3, 4, 5, 6, 7], holidays=True)
    assert (await env.book(c, "2026-10-05", now=MON_0928)).status_code == 201


async def test_fully_booked_releases_nothing_it_did_not_need(env: Env) -> None:
    await env.put_clinic("CL1", "P1", capacity=1)
    first = await env.book(new_customer(), "2026-10-08", now=MON_0928)
    assert first.status_code == 201
    second_customer = new_customer()
    r = await env.book(second_customer, "2026-10-08", now=MON_0928)
    assert r.status_code == 409 and r.json()["code"] == "fully_booked"
    assert env.standin.with_status("reserved", second_customer) == []


async def test_calendar_unknown_year_is_refused_until_ops_load_it(env: Env) -> None:
    c = new_customer()
    r = await env.book(c, "2027-03-03", now=MON_0928)
    assert r.status_code == 422 and r.json()["code"] == "calendar_unknown" and r.json()["year"] == 2027
    r = await env.client.get(
        "/api/v1/bookings/earliest",
        params={"service_code": "dental_cleaning"},
        headers=customer_headers(c, "2026-12-30T10:00:00+08:00"),
    )
    assert r.status_code == 422 and r.json()["code"] == "calendar_unknown"
    schedule = {
        "days_off": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-02-08", "name": "春节"}],
        "working_days": [{"date": "2027-02-20", "name": "调休上班"}],
        "source": "国务院办公厅通知",
    }
    assert (
        await env.client.put("/api/v1/calendar/years/2027", json=schedule, headers=customer_headers(c))
    ).status_code == 403
    r = await env.client.put("/api/v1/calendar/years/2027", json=schedule, headers=OPS)
    assert r.status_code == 200, r.text
    r = await env.client.get(
        "/api/v1/bookings/earliest",
        params={"service_code": "dental_cleaning"},
        headers=customer_headers(c, "2026-12-30T10:00:00+08:00"),
    )
    assert r.json()["earliest_date"] == "2027-01-04"
    assert (await env.book(c, "2027-03-03", now=MON_0928)).status_code == 201


# --- entitlements ------------------------------------------------------------------------------------------
async def test_quota_exhausted_and_not_entitled_come_from_entitlements(env: Env) -> None:
    c = new_customer()
    assert (await env.book(c, "2026-10-08", now=MON_0928)).status_code == 201
    r = await env.book(c, "2026-10-09", now=MON_0928)
    assert r.status_code == 409 and r.json()["code"] == "quota_exhausted"
    poor = new_customer()
    env.standin.not_entitled.add(poor)
    r = await env.book(poor, "2026-10-08", now=MON_0928)
    assert r.status_code == 403 and r.json()["code"] == "not_entitled"
    r = await env.client.get(f"/api/v1/customers/{poor}/bookings", headers=customer_headers(poor))
    assert r.json()["items"] == []
    # the failed attempts are closed (nothing left for the sweeper)
    assert await env.scalar("SELECT count(*) FROM booking_attempts WHERE status NOT IN ('booked', 'failed')") == 0


async def test_beneficiary_must_be_allowed_by_the_catalog(env: Env) -> None:
    c = new_customer()
    r = await env.book(c, "2026-10-08", now=MON_0928, service_code="health_checkup", beneficiary_id="REL1")
    assert r.status_code == 403 and r.json()["code"] == "not_entitled"
    r = await env.book(c, "2026-10-08", now=MON_0928, beneficiary_id="unknown-relative")
    assert r.status_code == 404
    r = await env.book(c, "2026-10-08", now=MON_0928, beneficiary_id="REL1", package_code="classic")
    assert r.status_code == 201 and r.json()["beneficiary_id"] == "REL1"


async def test_idempotency_key_returns_the_same_booking(env: Env) -> None:
    c = new_customer()
    first = await env.book(c, "2026-10-08", now=MON_0928, key="k-1", contact_mobile="13800138000")
    again = await env.book(c, "2026-10-08", now=MON_0928, key="k-1", contact_mobile="13800138000")
    # the same answer again (vipkit.idempotency replays the stored 201), no second booking
    assert first.status_code == 201 and again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert first.json() == again.json()
    assert first.json()["contact_mobile"] == "138****8000"
    assert len(env.standin.reservations) == 1
    other = await env.book(c, "2026-10-09", now=MON_0928, key="k-1", contact_mobile="13800138000")
    assert other.status_code == 409 and other.json()["code"] == "conflict"


async def test_customers_only_see_their_own_bookings(env: Env) -> None:
    owner, stranger = new_customer(), new_customer()
    booking_id = (await env.book(owner, "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert (await env.client.get(f"/api/v1/bookings/{booking_id}", headers=customer_headers(owner))).status_code == 200
    assert (
        await env.client.get(f"/api/v1/bookings/{booking_id}", headers=customer_headers(stranger))
    ).status_code == 404
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(stranger))
    assert r.status_code == 404
    assert (
        await env.client.get(f"/api/v1/customers/{owner}/bookings", headers=customer_headers(stranger))
    ).status_code == 404
    r = await env.client.post(
        "/api/v1/bookings",
        json={"customer_id": owner, "service_code": "dental_cleaning", "clinic_id": "CL1", "date": "2026-10-09"},
        headers=customer_headers(stranger, MON_0928),
    )
    assert r.status_code == 404
    r = await env.client.get(f"/api/v1/customers/{owner}/bookings", headers=OPS)
    assert [b["booking_id"] for b in r.json()["items"]] == [booking_id]


# --- cancellation cutoff (SPEC 4.2) ---------------------------------------------------------------------------
async def _confirmed(env: Env, customer: str, date: str) -> str:
    booking_id = (await env.book(customer, date, now=MON_0928)).json()["booking_id"]
    r = await env.partner_webhook("booking.confirmed", booking_id)
    assert r.status_code == 200 and r.json()["status"] == "applied", r.text
    return str(booking_id)


async def test_cancel_at_115959_is_free_and_releases_the_unit(env: Env) -> None:
    c = new_customer()
    booking_id = await _confirmed(env, c, "2026-10-08")
    r = await env.client.post(
        f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(c, "2026-09-30T11:59:59+08:00")
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "cancelled" and r.json()["quota_released"] is True
    reservation = env.standin.reservations[(await env.get_booking(booking_id))["reservation_id"]]
    assert reservation["status"] == "released" and reservation["reason"] == "cancelled"
    # the place is free again and the partner is told
    assert await env.scalar("SELECT booked FROM capacity_counters WHERE clinic_id = 'CL1'") == 0
    r = await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    assert sorted(d["event_type"] for d in r.json()["items"]) == ["booking.cancelled", "booking.requested"]


async def test_cancel_at_120000_is_late_and_consumes_the_unit(env: Env) -> None:
    c = new_customer()
    booking_id = await _confirmed(env, c, "2026-10-08")
    r = await env.client.post(
        f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(c, "2026-09-30T12:00:00+08:00")
    )
    assert r.status_code == 200, r.text
    assert r.json() | {"cancelled_at": None} == {
        "booking_id": booking_id,
        "status": "cancelled_late",
        "quota_released": False,
        "cancel_deadline": "2026-09-30T12:00:00+08:00",
        "cancelled_at": None,
    }
    booking = await env.get_booking(booking_id)
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "consumed"
    assert booking["ledger"] == {"action": "consume", "reason": "cancelled_late", "done": True, "error": None}
    texts = [e["data"]["text"] for e in await env.outbox("notification.requested.v1")]
    assert any("已扣除" in t for t in texts)
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(c))
    assert r.status_code == 409 and r.json()["code"] == "illegal_transition"


async def test_every_transition_publishes_booking_changed(env: Env) -> None:
    c = new_customer()
    booking_id = await _confirmed(env, c, "2026-10-08")
    r = await env.partner_webhook("booking.completed", booking_id, now="2026-10-08T15:00:00+08:00")
    assert r.status_code == 200
    events = [e["data"] for e in await env.outbox("booking.changed.v1") if e["data"]["booking_id"] == booking_id]
    assert [(e["from_status"], e["to_status"]) for e in events] == [
        (None, "pending"),
        ("pending", "confirmed"),
        ("confirmed", "completed"),
    ]
    booking = await env.get_booking(booking_id)
    assert [h["to_status"] for h in booking["history"]] == ["pending", "confirmed", "completed"]
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "consumed"
    notes = [e["data"] for e in await env.outbox("notification.requested.v1")]
    confirmed = [n for n in notes if n["template"] == "booking_confirmed"]
    assert len(confirmed) == 1 and "2026年10月8日" in confirmed[0]["text"] and "12:00" in confirmed[0]["text"]


# --- partner webhooks inbound (SPEC 4.3) ----------------------------------------------------------------------
async def test_forged_signature_is_401_and_changes_nothing(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    forged = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="
    r = await env.partner_webhook("booking.confirmed", booking_id, secret=forged)
    assert r.status_code == 401 and r.json()["code"] == "invalid_signature"
    # signed by another partner's secret
    r = await env.partner_webhook("booking.confirmed", booking_id, secret=SECRET_P1, partner_id="P2")
    assert r.status_code == 401
    assert (await env.get_booking(booking_id))["status"] == "pending"
    assert await env.scalar("SELECT count(*) FROM inbound_webhooks") == 0


async def test_stale_or_future_timestamp_is_401(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    stale = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5, seconds=30)
    r = await env.partner_webhook("booking.confirmed", booking_id, signed_at=stale)
    assert r.status_code == 401 and r.json()["code"] == "invalid_signature"
    future = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=6)
    assert (await env.partner_webhook("booking.confirmed", booking_id, signed_at=future)).status_code == 401
    assert (await env.get_booking(booking_id))["status"] == "pending"
    # within the tolerance it is accepted
    recent = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=4)
    assert (await env.partner_webhook("booking.confirmed", booking_id, signed_at=recent)).status_code == 200


async def test_same_webhook_twice_has_one_effect(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    first = await env.partner_webhook(
        "booking.rejected", booking_id, webhook_id="wh-dup-1", data={"reason": "医生停诊"}
    )
    again = await env.partner_webhook(
        "booking.rejected", booking_id, webhook_id="wh-dup-1", data={"reason": "医生停诊"}
    )
    assert first.status_code == 200 and first.json()["status"] == "applied"
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    booking = await env.get_booking(booking_id)
    assert [h["to_status"] for h in booking["history"]] == ["pending", "rejected"]
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "released"
    rejected = [e for e in await env.outbox("notification.requested.v1") if e["data"]["template"] == "booking_rejected"]
    # one SMS; the partner's own wording is not pasted into it (issue 14 item 12)
    assert len(rejected) == 1 and "未能安排" in rejected[0]["data"]["text"]
    assert "医生停诊" not in rejected[0]["data"]["text"]
    changed = [e for e in await env.outbox("booking.changed.v1") if e["data"]["to_status"] == "rejected"]
    assert len(changed) == 1


async def test_webhook_for_another_partners_booking_is_404(env: Env) -> None:
    from services.booking.tests.conftest import SECRET_P2

    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]  # at CL1 (P1)
    r = await env.partner_webhook("booking.confirmed", booking_id, partner_id="P2", secret=SECRET_P2)
    assert r.status_code == 404
    assert (await env.get_booking(booking_id))["status"] == "pending"
    r = await env.partner_webhook("booking.confirmed", "BKNOPE", partner_id="P1")
    assert r.status_code == 404


async def test_illegal_transition_is_409(env: Env) -> None:
    c = new_customer()
    booking_id = (await env.book(c, "2026-10-08", now=MON_0928)).json()["booking_id"]
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(c, MON_0928))
    assert r.json()["status"] == "cancelled"
    r = await env.partner_webhook("booking.completed", booking_id)
    assert r.status_code == 409 and r.json()["code"] == "illegal_transition"
    assert r.json()["from_status"] == "cancelled" and r.json()["to_status"] == "completed"
    # a pending booking cannot be completed without confirmation either
    other = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    assert (await env.partner_webhook("booking.no_show", other)).status_code == 409
    # and a failed effect did not burn the webhook id: nothing recorded
    assert await env.scalar("SELECT count(*) FROM inbound_webhooks") == 0


async def test_unknown_webhook_type_is_422(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    r = await env.partner_webhook("booking.cancelled", booking_id)
    assert r.status_code == 422


# --- partners and clinics ------------------------------------------------------------------------------------
async def test_partner_secret_is_never_returned_and_must_be_whsec(env: Env) -> None:
    r = await env.client.get("/api/v1/partners/P1", headers=OPS)
    assert r.status_code == 200 and "secret" not in r.json() and r.json()["secret_set"] is True
    assert SECRET_P1 not in r.text
    bad = {"name": "x", "webhook_url": "http://127.0.0.1:9/x", "secret": "plain-text-secret"}
    r = await env.client.put("/api/v1/partners/P9", json=bad, headers=OPS)
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    r = await env.client.put("/api/v1/partners/P9", json=bad, headers=customer_headers(new_customer()))
    assert r.status_code in (403, 422)


async def test_clinics_listed_by_service_with_packages_and_opening_days(env: Env) -> None:
    await env.client.put(
        "/api/v1/clinics/CL9",
        json={
            "partner_id": "P2",
            "name": "美年大健康",
            "city": "上海",
            "address": "上海市静安区",
            "opening_weekdays": [1, 3, 5],
            "services": [{"service_code": "expert_outpatient", "daily_capacity": 2}],
        },
        headers=OPS,
    )
    r = await env.client.get("/api/v1/clinics", params={"service_code": "expert_outpatient"})
    assert [c["clinic_id"] for c in r.json()["items"]] == ["CL9"]
    assert r.json()["items"][0]["open_on_holidays"] is False
    r = await env.client.get("/api/v1/clinics", params={"service_code": "dental_cleaning"})
    items = r.json()["items"]
    assert [c["clinic_id"] for c in items] == ["CL1", "CL2"]
    assert items[0]["services"][0]["packages"] == [{"code": "classic", "name": "经典洁牙套餐"}]
    r = await env.client.put(
        "/api/v1/clinics/CL8",
        json={"partner_id": "P1", "name": "x", "city": "x", "address": "x", "opening_weekdays": [0, 8]},
        headers=OPS,
    )
    assert r.status_code == 422


# --- reminders (001: the working day before) ------------------------------------------------------------------
async def test_reminder_sent_the_working_day_before_once(env: Env) -> None:
    c = new_customer()
    await _confirmed(env, c, "2026-10-08")
    pending = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    r = await env.client.post("/api/v1/bookings/reminders/runs", json={"as_of": "2026-09-29"}, headers=OPS)
    assert r.json()["reminded"] == 0
    r = await env.client.post("/api/v1/bookings/reminders/runs", json={"as_of": "2026-09-30"}, headers=OPS)
    assert r.status_code == 200 and r.json()["reminded"] == 1
    assert r.json()["window"] == ["2026-10-01", "2026-10-08"]
    r = await env.client.post("/api/v1/bookings/reminders/runs", json={"as_of": "2026-09-30"}, headers=OPS)
    assert r.json()["reminded"] == 0
    reminders = [
        e["data"] for e in await env.outbox("notification.requested.v1") if e["data"]["template"] == "booking_reminder"
    ]
    assert len(reminders) == 1 and reminders[0]["customer_id"] == c
    assert "温馨提示" in reminders[0]["text"] and "2026年10月8日" in reminders[0]["text"]
    assert pending not in {n["reference"] for n in reminders}
    r = await env.client.post(
        "/api/v1/bookings/reminders/runs", json={"as_of": "2026-09-30"}, headers=customer_headers(c)
    )
    assert r.status_code == 403


# --- second opinions (000 SLA) -----------------------------------------------------------------------------------
async def test_second_opinion_sla_due_dates_and_overdue_list(env: Env) -> None:
    c = new_customer()
    r = await env.client.post(
        "/api/v1/second-opinions",
        json={"customer_id": c, "diagnosis": "肺部结节"},
        headers={**customer_headers(c, "2026-09-30T16:00:00+08:00"), "Idempotency-Key": "so-1"},
    )
    assert r.status_code == 201, r.text
    request_id = r.json()["request_id"]
    assert r.json()["contact_due"] == "2026-10-08"
    assert len(env.standin.with_status("reserved", c)) == 1
    r = await env.client.get("/api/v1/second-opinions/overdue", params={"as_of": "2026-10-08"}, headers=OPS)
    assert r.json()["items"] == []
    r = await env.client.get("/api/v1/second-opinions/overdue", params={"as_of": "2026-10-09"}, headers=OPS)
    assert [(i["request_id"], i["overdue"]) for i in r.json()["items"]] == [(request_id, ["contact"])]
    ops = ops_headers("2026-10-09T09:00:00+08:00")
    assert (await env.client.post(f"/api/v1/second-opinions/{request_id}/contacted", headers=ops)).status_code == 200
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/materials-complete", headers=ops)
    assert r.json()["opinion_due"] == "2026-10-22"  # 10 working days after Fri 10-09 (10-10 is a make-up Saturday)
    r = await env.client.get("/api/v1/second-opinions/overdue", params={"as_of": "2026-10-26"}, headers=OPS)
    assert [i["overdue"] for i in r.json()["items"]] == [["opinion"]]
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/delivered", headers=ops)
    assert r.json()["status"] == "delivered"
    assert len(env.standin.with_status("consumed", c)) == 1
    r = await env.client.post(f"/api/v1/second-opinions/{request_id}/contacted", headers=customer_headers(c))
    assert r.status_code == 404
