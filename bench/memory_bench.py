"""Memory benchmark: resident memory (RSS) of every process of the platform, idle and after load.

What it does: starts the platform (``vipkit.devrun.Cluster``: tansu broker, five services, gateway,
clinic simulator) on fresh PostgreSQL databases, waits until every process is ready and 3 s more,
and reads each process's RSS (``VmRSS`` of the process and its children, from ``/proc``). Then the
load: ``--policies`` policies PUT through the gateway as ops (tiering intake → ``policy.changed.v1``
→ revisit tasks; ``tier.changed.v1`` → entitlements grants → ``notification.requested.v1`` →
notifier), ``--reads`` authenticated reads through the gateway (tiers, entitlements, catalog,
clinics), and waits until entitlements has applied every tier change. RSS again, per process.

Goals (issue 17): RSS idle ≤ 100 MB per service, and no more than +50 MB after load.
Bounded: at most 2,000 policies and 20,000 reads, 120 s for the load to settle; everything started
is stopped. ``--smoke``: 10 policies, 100 reads.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bench.common import figure, run_cluster, tree_rss_mb  # noqa: E402
from bench.event_latency_bench import policy_body  # noqa: E402
from vipkit.auth import mint_token  # noqa: E402
from vipkit.db import Database  # noqa: E402
from vipkit.devrun import SERVICES, Cluster  # noqa: E402
from vipkit.testing import TEST_JWT_SECRET  # noqa: E402

GOAL_IDLE_MB = 100.0
GOAL_GROWTH_MB = 50.0


def snapshot(cluster: Cluster) -> dict[str, float]:
    out = {name: tree_rss_mb(proc.pid) for name, proc in cluster.processes.items()}
    if cluster.broker is not None and cluster.broker.process is not None:
        out["broker (tansu)"] = tree_rss_mb(cluster.broker.process.pid)
    return out


async def load(cluster: Cluster, policies: int, reads: int) -> None:
    import datetime as dt
    import uuid

    ops = {"Authorization": "Bearer " + mint_token("ops-memory-bench", "ops", secret=TEST_JWT_SECRET)}
    tag = uuid.uuid4().hex[:6]
    today = dt.date.today()
    customers = [f"MB{tag}{n:05d}" for n in range(policies)]
    limits = httpx.Limits(max_connections=16)
    async with httpx.AsyncClient(base_url=cluster.gateway_url, timeout=30, limits=limits) as client:
        sem = asyncio.Semaphore(8)

        async def put(n: int, customer_id: str) -> None:
            async with sem:
                r = await client.put(
                    f"/api/v1/policies/P{customer_id}", json=policy_body(customer_id, n, today), headers=ops
                )
                if r.status_code not in (200, 201):
                    raise RuntimeError(f"PUT policy → {r.status_code}: {r.text[:200]}")

        await asyncio.gather(*(put(n, c) for n, c in enumerate(customers)))
        paths = ["/api/v1/customers/{c}/tier", "/api/v1/customers/{c}/entitlements", "/api/v1/catalog"]

        async def read(n: int) -> None:
            customer_id = customers[n % len(customers)]
            headers = {"Authorization": "Bearer " + mint_token(customer_id, "customer", secret=TEST_JWT_SECRET)}
            async with sem:
                await client.get(paths[n % len(paths)].format(c=customer_id), headers=headers)

        await asyncio.gather(*(read(n) for n in range(reads)))
    entitlements = Database(cluster.database_url("entitlements"), pool_size=1)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            async with entitlements.engine.connect() as conn:
                done = (
                    await conn.execute(
                        text("SELECT count(*) FROM inbox WHERE topic = 'tier.changed.v1' AND event_id IS NOT NULL")
                    )
                ).scalar_one()
            if done >= len(customers):
                return
            await asyncio.sleep(0.5)
        print(f"warning: only {done} of {len(customers)} tier changes applied after 120 s", flush=True)
    finally:
        await entitlements.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policies", type=int, default=1000)
    parser.add_argument("--reads", type=int, default=5000)
    parser.add_argument("--smoke", action="store_true", help="10 policies, 100 reads: check that it runs")
    args, _ = parser.parse_known_args()  # make bench passes its own arguments to every script
    if args.smoke:
        args.policies, args.reads = 10, 100
    args.policies = max(1, min(args.policies, 2000))
    args.reads = max(0, min(args.reads, 20_000))
    seen: dict[str, Any] = {}

    def measure(cluster: Cluster, _factory: Any) -> bool:
        time.sleep(3)
        seen["idle"] = snapshot(cluster)
        t0 = time.perf_counter()
        asyncio.run(load(cluster, args.policies, args.reads))
        seen["took"] = time.perf_counter() - t0
        seen["after"] = snapshot(cluster)
        return True

    code = run_cluster("memory", measure, env={"VIP_GATEWAY_TOKEN_RATE": "100000", "VIP_GATEWAY_TOKEN_BURST": "100000"})
    if code:
        return code
    report(seen["idle"], seen["after"], seen["took"], args)
    return 0


def report(idle: dict[str, float], after: dict[str, float], took: float, args: argparse.Namespace) -> None:
    print(f"load: {args.policies} policies PUT, {args.reads} reads through the gateway, settled in {took:.1f} s")
    print(f"{'process':<16} {'idle MB':>8} {'after MB':>9} {'growth':>7}  goals: idle <= 100 MB, growth <= +50 MB")
    for name in idle:
        growth = after.get(name, 0.0) - idle[name]
        print(f"{name:<16} {idle[name]:>8.1f} {after.get(name, 0.0):>9.1f} {growth:>+7.1f}")
        service = name in {s.name for s in SERVICES} or name == "gateway"
        figure(
            "memory", f"RSS idle {name}", idle[name], "MB",
            goal="<= 100 MB" if service else "", met=idle[name] <= GOAL_IDLE_MB if service else None,
        )  # fmt: skip
        figure(
            "memory", f"RSS growth after load {name}", growth, "MB",
            goal="<= +50 MB" if service else "", met=growth <= GOAL_GROWTH_MB if service else None,
        )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
