"""Booking under concurrency, failures and partner outages (SPEC 4.2 capacity/entitlement, 4.3 retries)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter

from sqlalchemy import update

from services.booking import attempts, rules, webhooks_out
from services.booking.models import WebhookDelivery
from services.booking.tests.conftest import OPS, SECRET_P1, Env, PartnerReceiver, customer_headers, new_customer
from vipkit.broker import free_port
from vipkit.clock import SHANGHAI
from vipkit.db import Database
from vipkit.plumbing import durable_jobs_table
from vipkit.testing import serve_app, wait_for

MON_0928 = "2026-09-28T10:00:00+08:00"


# --- capacity and quota under concurrency (PostgreSQL) -------------------------------------------------------
async def test_capacity_never_exceeded_100_concurrent_bookings_for_10_places(pg_env: Env) -> None:
    env = pg_env
    await env.put_clinic("CL1", "P1", capacity=10)
    customers = [new_customer() for _ in range(100)]
    responses = await asyncio.gather(*(env.book(c, "2026-10-08", now=MON_0928) for c in customers))
    codes = Counter(r.status_code for r in responses)
    assert codes == {201: 10, 409: 90}, codes
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"fully_booked"}
    assert await env.scalar("SELECT booked FROM capacity_counters WHERE clinic_id = 'CL1'") == 10
    assert await env.scalar("SELECT count(*) FROM bookings") == 10
    # no reservation outlives a failed booking: exactly the 10 booked units are held
    held = env.standin.with_status("reserved")
    booked_ids = {r.json()["reservation_id"] for r in responses if r.status_code == 201}
    assert {r["reservation_id"] for r in held} == booked_ids
    assert await env.scalar("SELECT count(*) FROM booking_attempts WHERE status NOT IN ('booked', 'failed')") == 0


async def test_20_concurrent_bookings_on_a_quota_of_1_book_exactly_1(pg_env: Env) -> None:
    env = pg_env
    customer = new_customer()
    await env.put_clinic("CL1", "P1", capacity=50)
    responses = await asyncio.gather(*(env.book(customer, "2026-10-08", now=MON_0928, key=f"k{i}") for i in range(20)))
    codes = Counter(r.status_code for r in responses)
    assert codes == {201: 1, 409: 19}, codes
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"quota_exhausted"}
    assert len(env.standin.with_status("reserved", customer)) == 1
    assert len(env.standin.reservations) == 1  # refused requests reserved nothing
    assert await env.scalar("SELECT booked FROM capacity_counters") == 1


async def test_capacity_holds_under_concurrency_on_sqlite_too(env: Env) -> None:
    await env.put_clinic("CL1", "P1", capacity=3)
    responses = await asyncio.gather(*(env.book(new_customer(), "2026-10-08", now=MON_0928) for _ in range(12)))
    assert Counter(r.status_code for r in responses) == {201: 3, 409: 9}
    assert len(env.standin.with_status("reserved")) == 3


# --- a reservation never outlives a failed booking --------------------------------------------------------------
async def test_sweeper_releases_reservation_of_a_booking_that_never_got_written(env: Env) -> None:
    customer = new_customer()
    ctx = env.app.state.booking
    # a crash between reserving and booking: the attempt is recorded, the unit reserved, no booking
    now = dt.datetime(2026, 9, 28, 10, tzinfo=SHANGHAI)
    async with env.db.transaction() as session:
        from services.booking import repository as repo

        await repo.insert_attempt(
            session,
            {
                "booking_id": "BKCRASHED",
                "customer_id": customer,
                "idempotency_key": "crash-key",
                "request_hash": "x",
                "status": "reserving",
                "created_at": now,
                "updated_at": now,
            },
        )
    reservation = await ctx.ent.reserve(
        idempotency_key="booking:BKCRASHED",
        customer_id=customer,
        service_code="dental_cleaning",
        beneficiary_id=None,
        reference="BKCRASHED",
    )
    assert env.standin.reservations[reservation["reservation_id"]]["status"] == "reserved"
    released = await attempts.sweep_attempts(ctx, now + dt.timedelta(minutes=10))
    assert released == 1
    assert env.standin.reservations[reservation["reservation_id"]]["status"] == "released"
    assert await env.scalar("SELECT status FROM booking_attempts WHERE booking_id = 'BKCRASHED'") == "failed"
    # the customer may book again (the unit is back, the key is free)
    assert (await env.book(customer, "2026-10-08", now=MON_0928, key="crash-key")).status_code == 201
    assert await attempts.sweep_attempts(ctx, now + dt.timedelta(minutes=20)) == 0


async def test_entitlements_down_at_release_time_is_retried_by_the_worker(env: Env) -> None:
    customer = new_customer()
    booking_id = (await env.book(customer, "2026-10-08", now=MON_0928)).json()["booking_id"]
    env.standin.down = True
    r = await env.client.post(f"/api/v1/bookings/{booking_id}/cancel", headers=customer_headers(customer, MON_0928))
    assert r.status_code == 200 and r.json()["status"] == "cancelled"  # the customer is not blocked
    booking = await env.get_booking(booking_id)
    assert booking["ledger"]["done"] is False and "service_unavailable" in booking["ledger"]["error"]
    env.standin.down = False
    assert await env.run_jobs() == 1  # the durable ledger job written with the cancellation
    booking = await env.get_booking(booking_id)
    assert booking["ledger"]["done"] is True
    assert env.standin.reservations[booking["reservation_id"]]["status"] == "released"


async def test_entitlements_down_at_booking_time_is_503_and_nothing_is_booked(env: Env) -> None:
    customer = new_customer()
    r = await env.client.get(
        "/api/v1/bookings/earliest", params={"service_code": "dental_cleaning"}, headers=customer_headers(customer)
    )
    assert r.status_code == 200  # the catalog is cached now
    env.standin.down = True
    r = await env.book(customer, "2026-10-08", now=MON_0928)
    assert r.status_code == 503
    assert await env.scalar("SELECT count(*) FROM bookings") == 0
    assert not await env.scalar("SELECT sum(booked) FROM capacity_counters")
    # the attempt is left for the sweeper (we cannot know whether the unit was reserved)
    assert await env.scalar("SELECT status FROM booking_attempts") == "release_pending"


# --- outbound partner webhooks: persistent retry queue (SPEC 4.3) ---------------------------------------------------
async def test_partner_down_receives_the_webhook_after_it_comes_back(env: Env) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hooks"
    r = await env.client.put(
        "/api/v1/partners/P1", json={"name": "Partner P1", "webhook_url": url, "secret": SECRET_P1}, headers=OPS
    )
    assert r.status_code == 200
    # the booking does not wait for the partner
    booking = await env.book(new_customer(), "2026-10-08", now=MON_0928, contact_mobile="13900139000")
    assert booking.status_code == 201
    booking_id = booking.json()["booking_id"]
    t0 = dt.datetime.now(dt.UTC)
    # partner down: the first attempt fails and is logged; the next one is scheduled 5 s later
    assert await env.deliver_webhooks(t0) == 1
    r = await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    [delivery] = r.json()["items"]
    assert delivery["status"] == "pending" and delivery["attempts"] == 1
    assert delivery["attempt_log"][0]["outcome"] == "failed" and delivery["attempt_log"][0]["error"]
    next_try = dt.datetime.fromisoformat(delivery["next_attempt_at"]) - t0  # the job's schedule, from its failure
    assert rules.RETRY_DELAYS[0] <= next_try < rules.RETRY_DELAYS[0] + dt.timedelta(seconds=1)
    assert delivery["payload"]["data"]["contact_mobile"] == "139****9000"  # masked for ops
    assert await env.deliver_webhooks(t0 + dt.timedelta(seconds=1)) == 0  # not due yet
    # still down after 5 s: second failure, next retry after 5 more minutes
    assert await env.deliver_webhooks(t0 + dt.timedelta(seconds=6)) == 1
    # the partner comes back; the retry (driven by the clock) delivers it
    receiver = PartnerReceiver(SECRET_P1)
    async with serve_app(receiver.app(), port=port):
        assert await env.deliver_webhooks(t0 + dt.timedelta(minutes=6)) == 1
    assert len(receiver.received) == 1 and receiver.rejected == 0
    got = receiver.received[0]
    assert got["body"]["type"] == "booking.requested"
    assert got["body"]["data"]["booking_id"] == booking_id
    assert got["body"]["data"]["contact_mobile"] == "13900139000"  # the clinic needs to reach the customer
    assert got["headers"]["webhook-id"] == delivery["delivery_id"]
    r = await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    [delivery] = r.json()["items"]
    assert delivery["status"] == "delivered"
    assert [a["outcome"] for a in delivery["attempt_log"]] == ["failed", "failed", "delivered"]


async def test_delivery_gives_up_after_the_24h_schedule_and_ops_can_retry(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    t = dt.datetime.now(dt.UTC)
    for _ in range(len(rules.RETRY_DELAYS) + 1):
        assert await env.deliver_webhooks(t) == 1
        async with env.db.transaction() as session:
            row = await session.get(WebhookDelivery, (await _delivery_ids(env, booking_id))[0])
            assert row is not None
            t = row.next_attempt_at or t
    r = await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    [delivery] = r.json()["items"]
    assert delivery["status"] == "failed" and delivery["attempts"] == len(rules.RETRY_DELAYS) + 1
    first, last = delivery["attempt_log"][0]["started_at"], delivery["attempt_log"][-1]["started_at"]
    assert first and last
    assert sum(rules.RETRY_DELAYS, dt.timedelta()) >= dt.timedelta(hours=24)
    r = await env.client.post(f"/api/v1/webhook-deliveries/{delivery['delivery_id']}/retry", headers=OPS)
    assert r.status_code == 200 and r.json()["status"] == "pending"
    # the booking itself was never affected
    assert (await env.get_booking(booking_id))["status"] == "pending"


async def _delivery_ids(env: Env, booking_id: str) -> list[str]:
    r = await env.client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
    return [d["delivery_id"] for d in r.json()["items"]]


async def test_two_workers_never_deliver_the_same_message_twice(env: Env) -> None:
    port = free_port()
    await env.client.put(
        "/api/v1/partners/P1",
        json={"name": "P1", "webhook_url": f"http://127.0.0.1:{port}/hooks", "secret": SECRET_P1},
        headers=OPS,
    )
    for _ in range(5):
        assert (await env.book(new_customer(), "2026-10-08", now=MON_0928)).status_code == 201
    other_db = Database(env.db_url)  # a second replica: its own engine and connections
    other = env.webhook_runner(other_db)
    receiver = PartnerReceiver(SECRET_P1)
    async with serve_app(receiver.app(), port=port):
        now = dt.datetime.now(dt.UTC)
        counts = await asyncio.gather(env.deliver_webhooks(now), env.deliver_webhooks(now, runner=other))
    await other_db.dispose()
    assert sum(counts) == 5
    assert len(receiver.received) == 5
    assert len({m["headers"]["webhook-id"] for m in receiver.received}) == 5


async def test_background_worker_delivers_without_being_driven(env: Env) -> None:
    port = free_port()
    await env.client.put(
        "/api/v1/partners/P1",
        json={"name": "P1", "webhook_url": f"http://127.0.0.1:{port}/hooks", "secret": SECRET_P1},
        headers=OPS,
    )
    receiver = PartnerReceiver(SECRET_P1)
    async with serve_app(receiver.app(), port=port):
        runner = env.webhook_runner()
        task = asyncio.create_task(runner.run())
        try:
            assert (await env.book(new_customer(), "2026-10-08", now=MON_0928)).status_code == 201
            await wait_for(lambda: len(receiver.received) == 1, timeout=10, what="webhook delivered by the worker")
        finally:
            await runner.stop()
            await asyncio.wait_for(task, 10)


async def test_lease_prevents_redelivery_while_in_flight(env: Env) -> None:
    booking_id = (await env.book(new_customer(), "2026-10-08", now=MON_0928)).json()["booking_id"]
    [delivery_id] = await _delivery_ids(env, booking_id)
    async with env.db.transaction() as session:  # another replica's runner holds the job
        await session.execute(
            update(durable_jobs_table)
            .where(durable_jobs_table.c.dedupe_key == webhooks_out.job_key(delivery_id))
            .values(state="running", lease_until=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=60))
        )
    assert await env.deliver_webhooks(dt.datetime.now(dt.UTC)) == 0
