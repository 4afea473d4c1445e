"""Issue 12: the broker stopped for 30 s under load → 0 events lost, none applied twice, order per
customer kept.

tansu keeps topics and offsets in memory only, so a restart would lose them; the stop is therefore
a real ``SIGSTOP`` of the broker process for 30 s, then ``SIGCONT``: for 30 s every client finds the
broker hung (connections open, nothing answers), which is what a stopped broker looks like to them.
While it is stopped the core system keeps changing policies; tiering commits them with their outbox
rows; after it comes back the relay publishes, revisit and entitlements consume.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import defaultdict
from typing import Any

import pytest

from tests.e2e.harness import Api, at, watch
from tests.e2e.policies import person, policy_body
from tests.faults.conftest import report
from tests.faults.test_faults import pg, uid
from vipkit.devrun import Cluster
from vipkit.testing import wait_for

pytestmark = [pytest.mark.faults, pytest.mark.timeout(600)]

CUSTOMERS = 50
STOPPED_S = 30.0
TOPICS = ("policy.changed.v1", "tier.changed.v1")


def policy(customer: str, seq: int, premium: str, effective: str = "2026-09-01") -> dict[str, Any]:
    """One holder (same identity for every policy of ``customer``), several policies."""
    return policy_body(
        person(customer, "丁华清", "1985-03-02", seq),
        premium=premium,
        effective=effective,
        underwritten=f"{effective}T09:00:00+08:00",
    )


class Load:
    """Policy changes for a set of customers, one customer's steps strictly one after the other."""

    def __init__(self, api: Api, customers: list[str]) -> None:
        self.api = api
        self.customers = customers
        self.server_errors = 0
        self.refused: list[str] = []

    async def put(self, customer: str, seq: int, suffix: str, premium: str) -> None:
        path = f"/api/v1/policies/P{customer}{suffix}"
        for _ in range(5):  # the core system retries a 503 with the same body (idempotent PUT)
            r = await self.api.as_ops("PUT", path, json_body=policy(customer, seq, premium))
            if r.status_code in (200, 201):
                return
            self.server_errors += r.status_code >= 500
            if r.status_code != 503:
                break
            await asyncio.sleep(float(r.headers.get("retry-after", "1")))
        self.refused.append(f"{path}: {r.status_code} {r.text[:200]}")

    async def steps(self, steps: list[tuple[str, str]], *, spread_s: float = 0.0) -> None:
        """Every customer takes ``steps`` in order; customers are spread over ``spread_s`` seconds."""
        gate = asyncio.Semaphore(6)
        pause = spread_s / len(self.customers)

        async def one(i: int, customer: str) -> None:
            await asyncio.sleep(i * pause)
            async with gate:
                for suffix, premium in steps:
                    await self.put(customer, i, suffix, premium)

        await asyncio.gather(*(one(i, c) for i, c in enumerate(self.customers)))


def produced(cluster: Cluster, customers: list[str]) -> dict[tuple[str, str], list[str]]:
    """Tiering's outbox per (topic, customer) in the order it was written: the producer's order."""
    with pg(cluster, "tiering") as conn:
        rows = conn.execute(
            "SELECT topic, key, event_id FROM outbox WHERE key = ANY(%s) AND topic = ANY(%s) ORDER BY id",
            (customers, list(TOPICS)),
        ).fetchall()
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for topic, key, event_id in rows:
        out[(topic, key)].append(event_id)
    return out


def unpublished(cluster: Cluster, customers: list[str]) -> int:
    with pg(cluster, "tiering") as conn:
        row = conn.execute(
            "SELECT count(*) FROM outbox WHERE key = ANY(%s) AND published_at IS NULL", (customers,)
        ).fetchone()
    return int(row[0]) if row else 0


def consumed(cluster: Cluster, service: str, topic: str) -> set[str]:
    """Event ids a service's consumers applied (its inbox; the effect commits with the inbox row)."""
    with pg(cluster, service) as conn:
        return {r[0] for r in conn.execute("SELECT event_id FROM inbox WHERE topic = %s", (topic,)).fetchall()}


async def test_broker_stopped_30s_under_load_loses_nothing_and_keeps_each_customers_order(
    faults_platform: Cluster,
) -> None:
    cluster = faults_platform
    assert cluster.broker is not None and cluster.broker.process is not None
    broker_pid = cluster.broker.process.pid
    api = Api(cluster)
    api.now = at("2026-09-01 10:00")
    customers = [uid("CB") for _ in range(CUSTOMERS)]
    load = Load(api, customers)
    watcher = await watch(cluster, *TOPICS)
    try:
        await load.steps([("A", "20000.00")])  # before the stop: each customer's first policy
        before_stop = sum(len(v) for v in produced(cluster, customers).values())
        os.kill(broker_pid, signal.SIGSTOP)
        stopped_at = time.monotonic()
        try:
            # during the stop: a second policy, then the first one's premium raised (tier moves up)
            await load.steps([("B", "60000.00"), ("A", "160000.00")], spread_s=STOPPED_S * 0.6)
            written_during_stop = sum(len(v) for v in produced(cluster, customers).values()) - before_stop
            await asyncio.sleep(max(0.0, STOPPED_S - (time.monotonic() - stopped_at)))
        finally:
            os.kill(broker_pid, signal.SIGCONT)
        stopped_s = time.monotonic() - stopped_at
        resumed_at = time.monotonic()
        await load.steps([("C", "30000.00")])  # after: a third policy each
        assert load.refused == [], load.refused[:5]
        expected = produced(cluster, customers)

        def first_seen() -> dict[tuple[str, str], list[str]]:
            seen: dict[tuple[str, str], list[str]] = defaultdict(list)
            for m in watcher.messages:
                event_id = m["value"].get("id") if isinstance(m["value"], dict) else None
                if m["key"] in customers and event_id and event_id not in seen[(m["topic"], m["key"])]:
                    seen[(m["topic"], m["key"])].append(event_id)
            return seen

        def everything_applied() -> bool:
            wanted = {(t, e) for (t, _k), ids in expected.items() for e in ids}
            applied = {("policy.changed.v1", e) for e in consumed(cluster, "revisit", "policy.changed.v1")}
            applied |= {("tier.changed.v1", e) for e in consumed(cluster, "entitlements", "tier.changed.v1")}
            seen = first_seen()
            return wanted <= applied and all(len(seen[k]) >= len(v) for k, v in expected.items())

        await wait_for(everything_applied, timeout=180, interval=1, what="every event published and applied")
        caught_up_s = time.monotonic() - resumed_at

        async def tasks(customer: str) -> list[str]:
            r = await api.as_ops("GET", f"/api/v1/revisits?customer_id={customer}&limit=50", expect=200)
            return [t["policy_no"] for t in r.json()["items"]]

        per_customer = [await tasks(c) for c in customers]
    finally:
        await watcher.stop()
        await api.aclose()
    seen = first_seen()
    out_of_order = sum(seen[k][: len(v)] != v for k, v in expected.items())
    wire_copies = sum(1 for m in watcher.messages if m["key"] in customers and isinstance(m["value"], dict)) - sum(
        len(v) for v in seen.values()
    )
    policies = [f"P{c}{s}" for c in customers for s in "ABC"]
    found = [p for ps in per_customer for p in ps]
    lost = sum(p not in found for p in policies)
    duplicated = sum(found.count(p) - 1 for p in set(found))
    stuck = unpublished(cluster, customers)
    report("broker_stopped_30s", lost=lost, duplicated=duplicated, stuck=stuck, out_of_order=out_of_order,
           customers=CUSTOMERS, events=sum(len(v) for v in expected.values()),
           written_while_stopped=written_during_stop, stopped_s=round(stopped_s),
           caught_up_after_s=round(caught_up_s, 1), redelivered_on_the_wire=wire_copies,
           server_errors=load.server_errors)  # fmt: skip
    assert (lost, duplicated, stuck, out_of_order, load.server_errors) == (0, 0, 0, 0, 0)
