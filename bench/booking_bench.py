"""Booking benchmark: bookings created through the gateway, beside the same calls made directly to
the booking service.

What it does:

1. starts the platform (``vipkit.devrun.Cluster``, clinic simulator included) on fresh PostgreSQL
   databases, ``VIP_SCHEDULER=off``, the gateway's per-token limits raised (still consulted);
2. ops set up ``--clinics`` clinics (each offering ``registration_assisted``, unlimited at 4★, on
   working days, capacity 10,000 a day) and ``--customers`` 4★ customers (a policy PUT each); waits
   until entitlements has granted every one of them;
3. ``POST /api/v1/bookings`` ``--requests`` times per target with ``--concurrency`` in flight, each a
   customer's booking at one of the clinics on one of the next working dates (real entitlements
   reservations, outbox, partner webhook), first directly to the booking service, then through the
   gateway (another set of customers), round robin in ``--rounds`` rounds; req/s and p50/p99 of each,
   and the CPU per booking of every process involved (``/proc`` times over each target's rounds; the
   PostgreSQL server's whole CPU, shared with anything else using it), after their idle CPU over 5 s.

Goals (issue 17): through the gateway ≥ 300 bookings/s, p99 < 100 ms, gateway adding ≤ 10% over
direct. A request that fails in the client (30 s timeout) counts as failed with its time. Bounded: at
most 20,000 requests per target and 120 s per round. ``--smoke``: 20 requests.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bench.common import cpu_seconds, figure, percentile, postgres_cpu_seconds, run_cluster, tree_cpu_seconds  # noqa: E402
from bench.event_latency_bench import policy_body  # noqa: E402
from services.booking.demo import DEMO_PARTNER_ID, load_booking_demo  # noqa: E402
from vipkit.auth import mint_token  # noqa: E402
from vipkit.db import Database  # noqa: E402
from vipkit.devrun import Cluster  # noqa: E402
from vipkit.testing import TEST_JWT_SECRET  # noqa: E402

OPS_TOKEN = mint_token("ops-booking-bench", "ops", secret=TEST_JWT_SECRET)
OPS = {"Authorization": f"Bearer {OPS_TOKEN}"}
SERVICE = "registration_assisted"


async def bookable_dates(client: httpx.AsyncClient, count: int) -> list[dt.date]:
    """The first ``count`` dates a week ahead or later that are working days on Monday to Friday, in
    the years the booking calendar knows (an unknown year is refused with 422, SPEC 4.1)."""
    years = (await client.get("/api/v1/calendar/years", headers=OPS)).raise_for_status().json()["known_years"]
    start = dt.date.today() + dt.timedelta(days=7)
    end = min(dt.date(max(years), 12, 31), start + dt.timedelta(days=120))
    params = {"from": start.isoformat(), "to": end.isoformat()}
    r = (await client.get("/api/v1/calendar/working-days", params=params, headers=OPS)).raise_for_status()
    days = [dt.date.fromisoformat(d["date"]) for d in r.json()["items"] if d["working"]]
    dates = [d for d in days if d.weekday() < 5][:count]
    if not dates:
        raise RuntimeError(f"no bookable date between {start} and {end} (known years {years})")
    return dates


async def setup(cluster: Cluster, args: argparse.Namespace) -> tuple[list[str], list[str], list[dt.date]]:
    load_booking_demo(cluster.gateway_url, OPS_TOKEN, cluster.url("simulator"))
    tag = uuid.uuid4().hex[:6]
    clinics = [f"CL-B{tag}-{n:03d}" for n in range(args.clinics)]
    customers = [f"BB{tag}{n:05d}" for n in range(args.customers)]
    async with httpx.AsyncClient(base_url=cluster.gateway_url, timeout=30) as client:
        for clinic_id in clinics:
            body = {
                "partner_id": DEMO_PARTNER_ID,
                "name": f"压测诊所 {clinic_id}",
                "city": "广州",
                "address": "广州市越秀区沿江西路151号",
                "opening_weekdays": [1, 2, 3, 4, 5],
                "open_on_holidays": False,
                "services": [{"service_code": SERVICE, "daily_capacity": 10_000, "packages": []}],
            }
            (await client.put(f"/api/v1/clinics/{clinic_id}", json=body, headers=OPS)).raise_for_status()
        sem = asyncio.Semaphore(8)

        async def put(n: int, customer_id: str) -> None:
            async with sem:
                r = await client.put(
                    f"/api/v1/policies/P{customer_id}", json=policy_body(customer_id, n, dt.date.today()), headers=OPS
                )
                r.raise_for_status()

        await asyncio.gather(*(put(n, c) for n, c in enumerate(customers)))
        dates = await bookable_dates(client, 40)
    entitlements = Database(cluster.database_url("entitlements"), pool_size=1)
    try:
        deadline = time.monotonic() + 180
        while True:
            async with entitlements.engine.connect() as conn:
                granted = (
                    await conn.execute(
                        text("SELECT count(DISTINCT customer_id) FROM grants WHERE service_code = :s"), {"s": SERVICE}
                    )
                ).scalar_one()
            if granted >= len(customers):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {granted} of {len(customers)} customers granted after 180 s")
            await asyncio.sleep(0.5)
    finally:
        await entitlements.dispose()
    return clinics, customers, dates


CPU_PROCESSES = ("booking", "entitlements", "gateway", "simulator")


def cpu_sample(cluster: Cluster) -> dict[str, float]:
    """CPU seconds used so far by the processes a booking involves (``/proc`` times)."""
    procs = cluster.processes
    sample = {name: tree_cpu_seconds(procs[name].pid) for name in CPU_PROCESSES if name in procs}
    if cluster.broker is not None and cluster.broker.process is not None:
        sample["broker"] = cpu_seconds(cluster.broker.process.pid)
    sample["postgres (server)"] = postgres_cpu_seconds()
    return sample


class Target:
    def __init__(self, name: str, url: str, customers: list[str]) -> None:
        self.name, self.url, self.customers = name, url, customers
        self.cpu: dict[str, float] = {}  # CPU seconds per process while this target's rounds ran
        self.latencies: list[float] = []
        self.statuses: dict[int | str, int] = {}  # HTTP status, or the client error's name (a timeout)
        self.seconds = 0.0
        self.sent = 0
        self.rps = 0.0


async def run_round(target: Target, clinics: list[str], dates: list[dt.date], n: int, concurrency: int) -> None:
    tokens = {
        c: {"Authorization": "Bearer " + mint_token(c, "customer", secret=TEST_JWT_SECRET)} for c in target.customers
    }
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=target.url, timeout=30, limits=limits) as client:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(target.sent, target.sent + n):
            queue.put_nowait(i)
        target.sent += n
        deadline = time.monotonic() + 120

        async def worker() -> None:
            while not queue.empty() and time.monotonic() < deadline:
                i = queue.get_nowait()
                customer = target.customers[i % len(target.customers)]
                k = i // len(target.customers)
                body = {
                    "customer_id": customer,
                    "service_code": SERVICE,
                    "clinic_id": clinics[(i + k) % len(clinics)],
                    "date": dates[k % len(dates)].isoformat(),
                    "contact_mobile": "13800138000",
                }
                headers = {**tokens[customer], "Idempotency-Key": uuid.uuid4().hex}
                t0 = time.perf_counter()
                status: int | str
                try:
                    status = (await client.post("/api/v1/bookings", json=body, headers=headers)).status_code
                except httpx.HTTPError as exc:  # counted (a failure, with its time), never the end of the run
                    status = type(exc).__name__
                target.latencies.append((time.perf_counter() - t0) * 1000)
                target.statuses[status] = target.statuses.get(status, 0) + 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        target.seconds += time.perf_counter() - t0


async def drive(cluster: Cluster, args: argparse.Namespace) -> bool:
    clinics, customers, dates = await setup(cluster, args)
    print("pids: " + " ".join(f"{n}={cluster.processes[n].pid}" for n in CPU_PROCESSES), flush=True)
    half = len(customers) // 2
    targets = [
        Target("direct (booking service)", cluster.url("booking"), customers[:half]),
        Target("through the gateway", cluster.gateway_url, customers[half:]),
    ]
    before, t0 = cpu_sample(cluster), time.monotonic()
    await asyncio.sleep(5)  # the floor of every process's CPU: its pollers and loops with no bookings
    idle = {n: (v - before.get(n, 0.0)) / (time.monotonic() - t0) for n, v in cpu_sample(cluster).items()}
    print("CPU idle, % of a core: " + ", ".join(f"{n} {v * 100:.1f}" for n, v in idle.items()), flush=True)
    per_round = max(1, args.requests // args.rounds)
    for _ in range(args.rounds):
        for target in targets:
            print(f"round: {per_round} bookings {target.name}", flush=True)
            before = cpu_sample(cluster)
            await run_round(target, clinics, dates, per_round, args.concurrency)
            for name, seconds in cpu_sample(cluster).items():
                target.cpu[name] = target.cpu.get(name, 0.0) + seconds - before.get(name, 0.0)
    print(f"{'target':<26} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  statuses", flush=True)
    for t in targets:
        values = sorted(t.latencies)
        t.rps = len(values) / t.seconds if t.seconds else 0.0
        print(
            f"{t.name:<26} {len(values):>8} {t.rps:>8.0f} {percentile(values, 50):>8.1f} "
            f"{percentile(values, 99):>8.1f}  {t.statuses}",
            flush=True,
        )
    for t in targets:  # the webhook delivery and the partner's confirmation that follow may fall after
        made = max(t.statuses.get(201, 0), 1)
        each = ", ".join(f"{name} {seconds * 1000 / made:.1f}" for name, seconds in t.cpu.items())
        print(f"CPU ms per booking created, {t.name}: {each}", flush=True)
    direct, gateway = targets
    g = sorted(gateway.latencies)
    ok_rate = gateway.statuses.get(201, 0) / max(len(g), 1)
    overhead = 1 - gateway.rps / direct.rps if direct.rps else float("nan")
    print(f"gateway: {gateway.rps / direct.rps:.0%} of direct throughput ({overhead:+.0%} cost), "
          f"{ok_rate:.0%} created", flush=True)  # fmt: skip
    figure("booking", "create through the gateway", gateway.rps, "req/s", floor=direct.rps,
           floor_name="direct", goal=">= 300/s, <= 10% cost",
           met=gateway.rps >= 300 and overhead <= 0.10)  # fmt: skip
    figure("booking", "create through the gateway p99", percentile(g, 99), "ms",
           floor=percentile(sorted(direct.latencies), 99), floor_name="direct p99", goal="< 100 ms",
           met=percentile(g, 99) < 100)  # fmt: skip
    return ok_rate > 0.9 and direct.statuses.get(201, 0) / max(len(direct.latencies), 1) > 0.9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--clinics", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000, help="bookings per target")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--smoke", action="store_true", help="20 bookings per target: check that it runs")
    args, _ = parser.parse_known_args()  # make bench passes its own arguments to every script
    if args.smoke:
        args.customers, args.clinics, args.requests, args.rounds, args.concurrency = 4, 2, 20, 1, 4
    args.requests = max(1, min(args.requests, 20_000))
    args.rounds = max(1, min(args.rounds, 5))
    args.customers = max(2, min(args.customers, 2000))
    return run_cluster(
        "booking",
        lambda cluster, _factory: asyncio.run(drive(cluster, args)),
        env={"VIP_GATEWAY_TOKEN_RATE": "1000000", "VIP_GATEWAY_TOKEN_BURST": "1000000"},
    )


if __name__ == "__main__":
    sys.exit(main())
