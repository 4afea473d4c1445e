"""Issue 12, "What it must show": faults injected into the running platform (real processes,
PostgreSQL, tansu), each scenario bounded and printing its figures."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from services.booking.demo import DEMO_PARTNER_ID, DEMO_PARTNER_SECRET, load_booking_demo
from tests.e2e.harness import Api, at, sign_partner_webhook, watch
from tests.faults.conftest import report
from tests.faults.helpers import (
    RETRIED,
    all_true,
    gather_limited,
    new_policy,
    pg,
    ready,
    retrying,
    settled_ledgers,
    uid,
)
from vipkit.devrun import Cluster
from vipkit.testing import wait_for

pytestmark = [pytest.mark.faults, pytest.mark.timeout(600)]


async def test_concurrent_first_puts_of_one_policy_never_give_a_server_error(faults_platform: Cluster) -> None:
    api = Api(faults_platform)
    api.now = at("2026-09-01 09:00")
    rounds, created, server_errors = 20, 0, 0
    try:
        for n in range(rounds):
            customer = uid("CF")
            body = new_policy(customer, n)
            answers = await asyncio.gather(
                *(api.as_ops("PUT", f"/api/v1/policies/P{customer}", json_body=body) for _ in range(3))
            )
            codes = [r.status_code for r in answers]
            server_errors += sum(code >= 500 for code in codes)
            created += codes.count(201)
            assert set(codes) <= {200, 201, 409}, [r.text for r in answers]
    finally:
        await api.aclose()
    report("concurrent_first_puts", lost=rounds - created, duplicated=max(created - rounds, 0), stuck=0,
           rounds=rounds, server_errors=server_errors)  # fmt: skip
    assert server_errors == 0 and created == rounds


async def test_one_oversized_event_never_stops_other_customers_events(faults_platform: Cluster) -> None:
    cluster = faults_platform
    api = Api(cluster)
    api.now = at("2026-09-01 09:00")
    watcher = await watch(cluster, "policy.changed.v1")
    poisoned, others = uid("CP"), [uid("CO") for _ in range(5)]
    try:
        # refused at the source: a policy whose event would outgrow the broker is a clear 422
        huge = new_policy(poisoned, 1)
        huge["top_ups"] = [{"kind": "ad_hoc", "amount": "1.00", "date": "2026-09-02"}] * 21_000
        r = await api.as_ops("PUT", f"/api/v1/policies/P{poisoned}", json_body=huge)
        assert r.status_code in (413, 422), r.text
        # a row that still cannot be published (written before the bound existed): parked, others flow
        with pg(cluster, "tiering") as conn:
            conn.execute(
                "INSERT INTO outbox (event_id, topic, key, payload, created_at, attempts) "
                "VALUES (%s, 'policy.changed.v1', %s, %s, now(), 0)",
                (str(uuid.uuid4()), poisoned, json.dumps({"padding": "x" * 1_100_000})),
            )
        await api.as_ops("PUT", f"/api/v1/policies/P{poisoned}", json_body=new_policy(poisoned, 1), expect=201)
        started = time.monotonic()
        for n, customer in enumerate(others):
            await api.as_ops("PUT", f"/api/v1/policies/P{customer}", json_body=new_policy(customer, n), expect=201)

        def keys() -> list[str]:
            return [m["key"] for m in watcher.messages]

        await wait_for(lambda: set(others) <= set(keys()), timeout=30, what="the other customers' events")
        flowed_in = time.monotonic() - started

        async def parked() -> list[dict[str, Any]]:
            rows = (await api.as_ops("GET", "/api/v1/ops/tiering/outbox", expect=200)).json()["items"]
            return [row for row in rows if row["key"] == poisoned]

        [row] = await wait_for(parked, timeout=30, what="the oversized row parked")
        assert row["last_error"].startswith("MessageSizeTooLargeError") and row["attempts"] >= 1
        assert poisoned not in keys()  # per-key order: the customer's next event waits behind it
        await api.as_ops("POST", f"/api/v1/ops/tiering/outbox/{row['id']}/discard", expect=200)
        await wait_for(lambda: poisoned in keys(), timeout=30, what="the held event after ops discarded the row")
    finally:
        await watcher.stop()
        await api.aclose()
    lost = len(set(others) - set(keys())) + (0 if poisoned in keys() else 1)
    duplicated = sum(keys().count(c) - 1 for c in [*others, poisoned] if keys().count(c) > 1)
    report("oversized_event", lost=lost, duplicated=duplicated, stuck=0, others_flowed_s=round(flowed_in, 1))
    assert lost == 0 and flowed_in < 30


async def test_a_consumer_whose_database_is_down_5s_retries_in_place_and_applies_once(
    faults_platform: Cluster,
) -> None:
    cluster = faults_platform
    api = Api(cluster)
    api.now = at("2026-09-01 09:00")
    customer = uid("CD")
    database = make_url(cluster.database_urls["revisit"]).database
    try:
        with pg(cluster, "revisit", database="postgres") as admin:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )
            try:
                await api.as_ops("PUT", f"/api/v1/policies/P{customer}", json_body=new_policy(customer, 7), expect=201)
                await asyncio.sleep(5)  # the outage itself: revisit's database refuses connections for 5 s
            finally:
                admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')

        async def tasks() -> list[dict[str, Any]]:
            r = await api.as_ops("GET", f"/api/v1/revisits?policy_no=P{customer}")
            return list(r.json()["items"]) if r.status_code == 200 else []

        await wait_for(tasks, timeout=60, interval=0.5, what="the revisit task after the database came back")
        found = await tasks()
        letters = (await api.as_ops("GET", "/api/v1/ops/revisit/dead-letters", expect=200)).json()["items"]
    finally:
        await api.aclose()
    mine = [d for d in letters if customer in str(d)]
    report("consumer_database_down_5s", lost=0 if found else 1, duplicated=max(len(found) - 1, 0), stuck=0,
           dead_letters=len(letters))  # fmt: skip
    assert len(found) == 1 and letters == [] and mine == []


# --- entitlements SIGKILLed for 60 s while bookings move --------------------------------------------------
SERVICE_NAMES = ("tiering", "entitlements", "booking", "revisit", "notifier")
N_PER_KIND = 40  # 40 x 5 kinds = 200 customers (and bookings / booking attempts)
OUTAGE_S = 60.0


async def _put_clinics(api: Api) -> None:
    await api.as_ops(
        "PUT",
        "/api/v1/partners/PFAULT",
        json_body={"name": "不回应的诊所", "webhook_url": "http://127.0.0.1:9/hooks", "secret": DEMO_PARTNER_SECRET},
        expect=(200, 201),
    )
    for clinic_id, partner in (("CL-FAULT-A", DEMO_PARTNER_ID), ("CL-FAULT-R", "PFAULT")):
        await api.as_ops(
            "PUT",
            f"/api/v1/clinics/{clinic_id}",
            json_body={
                "partner_id": partner,
                "name": f"故障演练诊所{clinic_id[-1]}",
                "city": "北京",
                "address": "北京市朝阳区建国路88号",
                "opening_weekdays": [1, 2, 3, 4, 5],
                "open_on_holidays": False,
                "services": [{"service_code": "dental_cleaning", "daily_capacity": 500, "packages": []}],
            },
            expect=(200, 201),
        )


PARTNER_ANSWERS: list[str] = []


async def _partner_event(api: Api, partner: str, event_type: str, booking_id: str) -> int:
    body, headers = sign_partner_webhook(
        DEMO_PARTNER_SECRET, {"type": event_type, "booking_id": booking_id, "data": {}}, msg_id=uid("msg_")
    )
    if api.now:
        headers["X-Test-Now"] = api.now
    r = await retrying(lambda: api.client.post(f"/api/v1/partners/{partner}/webhooks", content=body, headers=headers))
    if r.status_code != 200:
        PARTNER_ANSWERS.append(f"{event_type} {booking_id}: {r.status_code} {r.text[:300]}")
    return int(r.status_code)


async def test_entitlements_killed_60s_while_bookings_move_leaves_no_unit_stuck_or_settled_twice(
    faults_platform: Cluster,
) -> None:
    cluster = faults_platform
    api = Api(cluster)
    kinds = ("in_time", "late", "completed", "rejected", "created_during_outage")
    customers = {k: [uid("CE") for _ in range(N_PER_KIND)] for k in kinds}
    everyone = [c for k in kinds for c in customers[k]]
    try:
        for name in SERVICE_NAMES:  # an earlier scenario may have left one restarting or rejoining its group
            await ready(cluster, name)
        load_booking_demo(cluster.gateway_url, api.ops, cluster.url("simulator"))
        await _put_clinics(api)
        api.now = at("2026-09-01 09:00")
        puts = await gather_limited(8, [
            retrying(lambda c=c, i=i: api.as_ops("PUT", f"/api/v1/policies/P{c}", json_body=new_policy(c, i % 900)))
            for i, c in enumerate(everyone)
        ])  # fmt: skip
        assert {r.status_code for r in puts} <= {200, 201}, [r.text for r in puts if r.status_code > 201][:3]
        api.now = None
        await api.as_ops("POST", "/api/v1/tiering/runs", json_body={"as_of": "2026-09-16"}, expect=(200, 201))
        api.now = at("2026-09-29 10:00")

        async def granted(c: str) -> bool:
            r = await api.call("GET", f"/api/v1/customers/{c}/entitlements", token=api.token(c))
            return r.status_code == 200 and any(
                s["service_code"] == "dental_cleaning" and s["available"] for s in r.json().get("services", [])
            )

        await wait_for(lambda: all_true(granted, everyone), timeout=300, interval=2, what="every dental grant")

        async def book(c: str, clinic: str) -> str:
            """A client's booking: a 503 or a dropped connection is sent again with the same key."""
            body = {"customer_id": c, "service_code": "dental_cleaning", "clinic_id": clinic, "date": "2026-10-08"}
            key = {"Idempotency-Key": uid("fault-book-")}
            r = await retrying(
                lambda: api.call("POST", "/api/v1/bookings", token=api.token(c), json_body=body, headers=key),
                also=(409,),  # the first call with this key is still running: ask again shortly
            )
            assert r.status_code in (200, 201), f"booking for {c}: {r.status_code} {r.text}"
            return str(r.json()["booking_id"])

        booked = {k: await gather_limited(8, [book(c, "CL-FAULT-R" if k == "rejected" else "CL-FAULT-A")
                                        for c in customers[k]])
                  for k in kinds[:4]}  # fmt: skip

        async def confirmed(bid: str) -> bool:
            r = await api.as_ops("GET", f"/api/v1/bookings/{bid}")
            return r.status_code == 200 and r.json()["status"] == "confirmed"

        confirmable = [b for k in ("in_time", "late", "completed") for b in booked[k]]
        await wait_for(lambda: all_true(confirmed, confirmable), timeout=120, interval=1, what="partner confirmations")

        # the fault: entitlements SIGKILLed; for 60 s every booking move happens without it
        cluster.kill("entitlements")
        outage_started = time.monotonic()
        server_errors = 0
        api.now = at("2026-09-29 10:00")
        answers = await gather_limited(8, [
            retrying(lambda b=b, c=c: api.call("POST", f"/api/v1/bookings/{b}/cancel", token=api.token(c)))
            for b, c in zip(booked["in_time"], customers["in_time"], strict=True)
        ])  # fmt: skip
        assert all(r.status_code == 200 and r.json()["status"] == "cancelled" for r in answers)
        api.now = at("2026-09-30 13:00")
        answers = await gather_limited(8, [
            retrying(lambda b=b, c=c: api.call("POST", f"/api/v1/bookings/{b}/cancel", token=api.token(c)))
            for b, c in zip(booked["late"], customers["late"], strict=True)
        ])  # fmt: skip
        assert all(r.status_code == 200 and r.json()["status"] == "cancelled_late" for r in answers)
        api.now = at("2026-10-08 16:00")
        codes = await gather_limited(8, [_partner_event(api, DEMO_PARTNER_ID, "booking.completed", b)
                                  for b in booked["completed"]])  # fmt: skip
        codes += await gather_limited(
            8, [_partner_event(api, "PFAULT", "booking.rejected", b) for b in booked["rejected"]]
        )
        assert set(codes) == {200}, PARTNER_ANSWERS
        api.now = at("2026-09-29 11:00")
        answers = await gather_limited(8, [
            api.call("POST", "/api/v1/bookings", token=api.token(c),
                     json_body={"customer_id": c, "service_code": "dental_cleaning", "clinic_id": "CL-FAULT-A",
                                "date": "2026-10-09"})
            for c in customers["created_during_outage"]
        ])  # fmt: skip
        server_errors += sum(r.status_code >= 500 and r.status_code != 503 for r in answers)
        assert all(r.status_code == 503 for r in answers), {r.status_code for r in answers}
        await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - outage_started)))
        outage = time.monotonic() - outage_started
        cluster.restart("entitlements")

        expected = {"in_time": "released", "late": "consumed", "completed": "consumed", "rejected": "released"}
        ends = {
            state: [c for k, s in expected.items() if s == state for c in customers[k]]
            for state in set(expected.values())
        }
        figures = await settled_ledgers(api, "dental_cleaning", ends, customers["created_during_outage"])
        lost, duplicated, stuck, settle_s = figures.lost, figures.duplicated, figures.stuck, figures.settle_s
        dead = (await api.as_ops("GET", "/api/v1/ops/booking/jobs?state=dead", expect=200)).json()["items"]
    finally:
        await api.aclose()
    report("entitlements_sigkill_60s", lost=lost, duplicated=duplicated, stuck=stuck, bookings=4 * N_PER_KIND,
           outage_s=round(outage), settled_after_recovery_s=round(settle_s, 1), dead_jobs=len(dead),
           server_errors=server_errors, retried_503=len(RETRIED))  # fmt: skip
    assert (lost, duplicated, stuck, len(dead), server_errors) == (0, 0, 0, 0, 0)


# --- each service SIGKILLed in turn in the middle of a load ------------------------------------------------
KILLED_IN_TURN = ("tiering", "revisit", "entitlements", "notifier", "booking")
POLICIES_PER_KILL = 24


async def test_each_service_sigkilled_mid_load_loses_no_event_and_applies_none_twice(
    faults_platform: Cluster,
) -> None:
    cluster = faults_platform
    api = Api(cluster)
    api.now = at("2026-09-01 09:00")
    lost = duplicated = 0
    try:
        for name in KILLED_IN_TURN:
            customers = [uid("CK") for _ in range(POLICIES_PER_KILL)]
            accepted: set[str] = set()

            async def put(c: str, seq: int, accepted: set[str] = accepted) -> None:
                r = await api.as_ops("PUT", f"/api/v1/policies/P{c}", json_body=new_policy(c, seq))
                if r.status_code in (200, 201):
                    accepted.add(c)

            load = asyncio.create_task(gather_limited(3, [put(c, i) for i, c in enumerate(customers)]))
            await wait_for(lambda a=accepted: len(a) >= POLICIES_PER_KILL // 3, timeout=60, what="load under way")
            cluster.kill(name)  # SIGKILL mid-load: no shutdown hook runs
            await load
            cluster.restart(name)
            await ready(cluster, name)
            for i, c in enumerate(customers):  # the core system retries what was refused (idempotent PUT)
                if c not in accepted:
                    await put(c, i)
            assert accepted == set(customers), f"{name}: not accepted after restart"

            async def tasks(c: str) -> int:
                r = await api.as_ops("GET", f"/api/v1/revisits?policy_no=P{c}")
                return len(r.json()["items"]) if r.status_code == 200 else 0

            async def every_task(customers: list[str] = customers) -> bool:
                return all(n >= 1 for n in await gather_limited(8, [tasks(c) for c in customers]))

            await wait_for(every_task, timeout=120, interval=1, what=f"every revisit task after killing {name}")
            counts = await gather_limited(8, [tasks(c) for c in customers])
            lost += sum(n == 0 for n in counts)
            duplicated += sum(max(n - 1, 0) for n in counts)
    finally:
        await api.aclose()
    report("each_service_sigkilled_mid_load", lost=lost, duplicated=duplicated, stuck=0,
           services=len(KILLED_IN_TURN), policies=len(KILLED_IN_TURN) * POLICIES_PER_KILL)  # fmt: skip
    assert lost == 0 and duplicated == 0
