"""Issue 13, what it must show: the platform on a production-like cluster (``tests/production/cluster.py``).

- The levels booking journey passes through the gateway with RS256 tokens from the identity
  provider, which rotates its signing key mid-journey (the new ``kid`` is picked up), while one
  replica of every service is SIGKILLed; nothing is lost (every outbox row published, the booking's
  events and the customer's notifications all there, once).
- Each scheduled job occurrence runs once across the two replicas (scheduler on in both).
- One upstream down: the gateway stays ready and answers 503 problem+json on that upstream's routes only.
- Kafka down: the services stay ready and keep accepting writes (the outbox holds the events).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import uuid
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from services.booking.demo import demo_clinics
from tests.e2e.harness import watch
from tests.e2e.policies import person, policy_body
from tests.production.cluster import (
    MISSED_DAY_JOB,
    MISSED_DAY_RESULT,
    PARTNER_ID,
    PARTNER_SECRET,
    connected,
    production_like_cluster,
)
from tests.production.jwks import LocalIdp
from vipkit import clock
from vipkit.db import job_runs_table, outbox_table
from vipkit.devrun import SERVICES, Cluster
from vipkit.testing import DatabaseFactory, in_ci, wait_for

# the cluster (12 processes) starts in the first test's setup: generous on a loaded 2-core machine
pytestmark = [pytest.mark.production, pytest.mark.slow, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def idp() -> Iterator[LocalIdp]:
    with LocalIdp() as provider:
        yield provider


@pytest.fixture(scope="module")
def cluster(db_factory: DatabaseFactory, idp: LocalIdp) -> Iterator[Cluster]:
    if not db_factory.pg_url:
        if in_ci():
            pytest.fail("CI=true but no PostgreSQL for the production-like cluster")
        pytest.skip("PostgreSQL not available: the production-like cluster needs one database per service")
    with production_like_cluster(db_factory, idp) as running:
        yield running


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def problem(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert body["code"] == code
    return body


def kill(cluster: Cluster, name: str) -> int:
    pid = cluster.processes[name].pid
    os.kill(pid, signal.SIGKILL)
    cluster.processes[name].wait(10)
    return pid


def rows(cluster: Cluster, service: str, statement: object) -> list[tuple[object, ...]]:
    with connected(cluster.database_url(service)) as conn:
        return [tuple(row) for row in conn.execute(statement)]  # type: ignore[call-overload]


def scalar(cluster: Cluster, service: str, statement: object) -> object:
    with connected(cluster.database_url(service)) as conn:
        return conn.execute(statement).scalar_one()  # type: ignore[call-overload]


async def test_levels_journey_with_replicas_killed_and_the_signing_key_rotated(cluster: Cluster, idp: LocalIdp):
    ops = bearer(idp.token("ops-staging", "ops"))
    customer = f"CP{uuid.uuid4().hex[:8]}"
    first_kid = idp.kid
    watcher = await watch(cluster, "tier.changed.v1", "booking.changed.v1")
    async with httpx.AsyncClient(base_url=cluster.gateway_url, timeout=30) as api:
        try:
            # the ops team registers its partner clinic (the simulator) and the clinics
            partner = {"name": "预发布合作诊所", "webhook_url": f"{cluster.url('simulator')}/webhooks/{PARTNER_ID}"}
            r = await api.put(f"/api/v1/partners/{PARTNER_ID}", json={**partner, "secret": PARTNER_SECRET}, headers=ops)
            assert r.status_code in (200, 201), r.text
            for clinic_id, body in demo_clinics(PARTNER_ID).items():
                assert (await api.put(f"/api/v1/clinics/{clinic_id}", json=body, headers=ops)).status_code in (200, 201)

            # 1. a policy whose cooling-off ended: the customer's level follows at once
            today = clock.today()
            effective = today - dt.timedelta(days=40)
            holder = person(customer, "丁华清", "1985-03-02", 21)
            body = policy_body(
                holder,
                premium="160000.00",
                effective=effective.isoformat(),
                underwritten=f"{(effective - dt.timedelta(days=2)).isoformat()}T15:00:00+08:00",
            )
            r = await api.put(f"/api/v1/policies/P{customer}", json=body, headers=ops)
            assert r.status_code in (200, 201), r.text

            # 2. mid-journey: one replica of every service dies (SIGKILL, no goodbye), and the
            #    identity provider rotates its signing key
            killed = {
                name: kill(cluster, name) for name in ("tiering", "entitlements-2", "booking", "revisit-2", "notifier")
            }
            assert len(killed) == len(SERVICES)
            idp.rotate()
            assert idp.kid != first_kid
            token = bearer(idp.token(customer))  # signed with the new key

            async def confirmed_tier() -> dict[str, object] | None:
                got = await api.get(f"/api/v1/customers/{customer}/tier", headers=token)
                assert got.status_code == 200, got.text
                tier = got.json()
                if tier["status"] != "confirmed":
                    await api.post("/api/v1/tiering/runs", json={"as_of": today.isoformat()}, headers=ops)
                return tier if tier["status"] == "confirmed" else None

            tier = await wait_for(confirmed_tier, timeout=60, interval=0.5, what="confirmed tier")
            assert tier["tier"] == "platinum"

            async def dental() -> dict[str, object] | None:
                got = await api.get(f"/api/v1/customers/{customer}/entitlements", headers=token)
                for s in got.json().get("services", []):
                    if s["service_code"] == "dental_cleaning" and s["available"] and s["remaining"] == 1:
                        return s
                return None

            # the grant arrives through Kafka although an entitlements replica died (group rebalance)
            await wait_for(dental, timeout=90, interval=0.5, what="dental cleaning grant")

            # 3. the spouse, the earliest date, the booking (booking → entitlements reservation)
            spouse = person("", "王丽", "1987-06-15", 22)
            r = await api.put(
                f"/api/v1/customers/{customer}/relatives/R1",
                json={"name": "王丽", "relation": "spouse", "id_no": spouse["id_no"], "birth_date": "1987-06-15"},
                headers=token,
            )
            assert r.status_code in (200, 201), r.text
            earliest = await api.get("/api/v1/bookings/earliest?service_code=dental_cleaning", headers=token)
            assert earliest.status_code == 200, earliest.text
            created = await api.post(
                "/api/v1/bookings",
                json={
                    "customer_id": customer,
                    "service_code": "dental_cleaning",
                    "clinic_id": "CL-BJ-001",
                    "beneficiary_id": "R1",
                    "package_code": "premium",
                    "contact_mobile": "13800138000",
                    "date": earliest.json()["earliest_date"],
                },
                headers={**token, "Idempotency-Key": f"k-{customer}"},
            )
            assert created.status_code == 201, created.text
            booking_id = created.json()["booking_id"]

            # 4. the partner confirms through its signed webhook (simulator → gateway → booking)
            async def booking_status(wanted: str) -> dict[str, object] | None:
                got = await api.get(f"/api/v1/bookings/{booking_id}", headers=token)
                assert got.status_code == 200, got.text
                return got.json() if got.json()["status"] == wanted else None

            await wait_for(lambda: booking_status("confirmed"), timeout=60, interval=0.3, what="partner confirmation")

            # 5. cancelled in time: the unit comes back
            cancelled = await api.post(f"/api/v1/bookings/{booking_id}/cancel", headers=token)
            assert cancelled.status_code == 200, cancelled.text
            assert (cancelled.json()["status"], cancelled.json()["quota_released"]) == ("cancelled", True)
            await wait_for(dental, timeout=30, interval=0.3, what="unit released")

            # nothing lost: the booking's events once each, the notifications once each
            events = await watcher.wait("booking.changed.v1", count=3, booking_id=booking_id, timeout=60)
            statuses = [m["value"]["data"]["to_status"] for m in events]
            assert statuses[:3] == ["pending", "confirmed", "cancelled"]
            assert len({m["value"]["id"] for m in events}) == len(events)

            async def notifications() -> list[str] | None:
                got = await api.get(f"/api/v1/notifications?customer_id={customer}", headers=ops)
                assert got.status_code == 200, got.text
                body = got.json()
                items = body["items"] if isinstance(body, dict) else body
                templates = [n["template"] for n in items]
                return templates if {"tier_upgrade", "booking_confirmed"} <= set(templates) else None

            templates = await wait_for(notifications, timeout=90, interval=0.5, what="notifications")
            counts = Counter(templates)
            assert counts["tier_upgrade"] == 1 and counts["booking_confirmed"] == 1, counts

            # the old key still verifies (both are published); an unknown key does not
            old = jwt_with_kid(idp, customer, first_kid)
            assert (await api.get(f"/api/v1/customers/{customer}/tier", headers=bearer(old))).status_code == 200
        finally:
            await watcher.stop()

    # every event written to an outbox was published, by the surviving replica if need be
    async def outboxes_drained() -> bool:
        for svc in SERVICES:
            pending = scalar(
                cluster,
                svc.name,
                select(func.count()).select_from(outbox_table).where(outbox_table.c.published_at.is_(None)),
            )
            if pending:
                return False
        return True

    await wait_for(outboxes_drained, timeout=60, interval=0.5, what="every outbox row published")


def jwt_with_kid(idp: LocalIdp, sub: str, kid: str) -> str:
    import time

    import jwt

    now = int(time.time())
    claims = {"sub": sub, "role": "customer", "iss": idp.issuer, "aud": idp.audience, "iat": now, "exp": now + 600}
    return jwt.encode(claims, idp.keys[kid], algorithm="RS256", headers={"kid": kid})


def scheduler_log(cluster: Cluster) -> tuple[Counter[tuple[str, str, str]], Counter[tuple[str, str, str]]]:
    """(claims, failures) per (service, job, occurrence), from every replica's log."""
    claims: Counter[tuple[str, str, str]] = Counter()
    failures: Counter[tuple[str, str, str]] = Counter()
    for svc in SERVICES:
        for name in cluster.replica_names(svc.name):
            log = cluster.var_dir / "logs" / f"{name}.log"
            for line in log.read_text(errors="replace").splitlines():
                for message, counter in (('"scheduled job claimed"', claims), ('"scheduled job failed"', failures)):
                    if message in line:
                        record = json.loads(line)
                        counter[(svc.name, record["job"], record["occurrence"])] += 1
    return claims, failures


async def test_each_scheduled_job_occurrence_ran_once_across_replicas(cluster: Cluster):
    """Both replicas of every service started their scheduler at once (first tick 0 s): every job
    due ran once — claimed by one of them, claimed again only after an attempt that failed
    (docs/reliability.md, "Scheduler": e.g. entitlements' reconciliation at start-up, before
    tiering listens) — and its run recorded in ``job_runs``. Each service's retention purge was
    recorded as last run two days ago (``record_a_missed_day``), so yesterday's is due at any hour:
    the replicas always compete for at least that one, whatever today's jobs' times."""
    yesterday = (clock.today() - dt.timedelta(days=1)).isoformat()
    missed = {(svc.name, MISSED_DAY_JOB, yesterday) for svc in SERVICES}

    def missed_day_claimed() -> bool:
        return missed <= scheduler_log(cluster)[0].keys()

    await wait_for(missed_day_claimed, timeout=60, interval=0.5, what="yesterday's purge claimed in every service")
    claims, failures = scheduler_log(cluster)
    assert all(n - failures[key] == 1 for key, n in claims.items()), (claims, failures)
    for svc in SERVICES:
        recorded = rows(
            cluster,
            svc.name,
            select(job_runs_table.c.job, job_runs_table.c.occurrence).where(
                job_runs_table.c.result.is_distinct_from(MISSED_DAY_RESULT)
            ),
        )
        assert sorted(recorded) == sorted((job, day) for (service, job, day) in claims if service == svc.name)


async def test_one_upstream_down_gateway_stays_ready_503_only_on_its_routes(cluster: Cluster, idp: LocalIdp):
    for name in cluster.replica_names("notifier"):
        if cluster.processes[name].poll() is None:
            kill(cluster, name)
    ops = bearer(idp.token("ops-staging", "ops"))
    async with httpx.AsyncClient(base_url=cluster.gateway_url, timeout=30) as api:
        ready = await api.get("/readyz")
        assert ready.status_code == 200 and "notifier" in ready.json()["degraded"]
        body = problem(await api.get("/api/v1/notifications?customer_id=C1", headers=ops), 503, "service_unavailable")
        assert body["service"] == "notifier"
        assert (await api.get("/api/v1/clinics?service_code=dental_cleaning")).status_code == 200
        assert (await api.get("/api/v1/customers/C1/tier", headers=ops)).status_code in (200, 404)


async def test_kafka_down_services_stay_ready_and_accept_writes(cluster: Cluster, idp: LocalIdp):
    assert cluster.broker is not None
    cluster.broker.stop()
    ops = bearer(idp.token("ops-staging", "ops"))
    async with httpx.AsyncClient(timeout=30) as client:
        for svc in SERVICES:
            for name in cluster.replica_names(svc.name):
                if cluster.processes[name].poll() is not None:
                    continue  # killed earlier
                ready = await client.get(cluster.url(name) + "/readyz")
                assert ready.status_code == 200, (name, ready.text)

        async def broker_seen_down() -> bool:
            r = await client.get(cluster.url("tiering-2") + "/readyz")
            return r.json()["broker"] == "unreachable"

        await wait_for(broker_seen_down, timeout=30, interval=0.3, what="broker reported unreachable")
        customer = f"CK{uuid.uuid4().hex[:8]}"
        holder = person(customer, "赵敏", "1990-01-01", 31)
        body = policy_body(
            holder,
            premium="5000.00",
            effective=clock.today().isoformat(),
            underwritten=f"{clock.today()}T09:00:00+08:00",
        )
        r = await client.put(f"{cluster.gateway_url}/api/v1/policies/P{customer}", json=body, headers=ops)
        assert r.status_code == 201, r.text
        pending = scalar(
            cluster,
            "tiering",
            select(func.count()).select_from(outbox_table).where(outbox_table.c.published_at.is_(None)),
        )
        assert pending >= 1, "the write's events wait in the outbox for the broker"
