"""Event path benchmark: tier changes offered at a steady rate → grants applied by entitlements.

What it does:

1. starts the platform (``vipkit.devrun.Cluster``: its own tansu broker, the five services, the
   gateway) with fresh PostgreSQL databases for tiering and entitlements (``--sqlite``: SQLite),
   ``VIP_KAFKA_FETCH_MAX_WAIT_MS=20`` and tiering's relay idle poll at ``--relay-poll-ms`` (20): rows
   are written from outside tiering's process here, so nothing wakes its relay at once as tiering's
   own commits do (the other services keep their default poll: at 20 ms, the four idle relays took
   ~12% of a core each on this 2-core machine);
2. for each rate of ``--rates`` (100, 200, 500 changes/s) for ``--seconds`` (60) each: every 20 ms,
   the due ``tier.changed.v1`` events (a new customer each, ``none`` → ``star_4``) are written straight
   to tiering's outbox in one transaction (``vipkit.events.add_events``: the rows tiering writes; no HTTP,
   no polling). Latency = the event's outbox ``created_at`` (its CloudEvent time) → the commit of the
   grant's transaction in entitlements (``pg_xact_commit_timestamp`` of its inbox row, when the server
   has ``track_commit_timestamp = on``; otherwise the inbox row's ``processed_at``, written when that
   transaction began, which leaves the batch's own time out: the bench says which), from the two
   databases; p50/p99 per rate and per tenth of the phase (where the tail comes from), and the rate
   the consumer kept up with; and the CPU entitlements and tiering
   used per tier change applied (``/proc``: a figure the machine's other load moves far less than
   latency, which on a shared machine is mostly waiting for a core);
3. throughput: a burst of ``--burst`` events written at once, drained by the consumer (events/s from
   the write to the last grant), beside the floor: a raw aiokafka consumer (own group) reading the
   same topic from its start, one ``INSERT`` per event into a PostgreSQL table, one transaction each.

Bounded: each phase stops offering after ``--seconds`` and waits at most 90 s for the rest; every
process started is stopped. ``--smoke``: 20 changes/s for 3 s, a burst of 100.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench.common import cpu_seconds, figure, percentile, postgres_cpu_seconds, run_cluster  # noqa: E402
from contracts.events import TierChangedV1, Topic  # noqa: E402
from vipkit import clock  # noqa: E402
from vipkit.db import Database  # noqa: E402
from vipkit.devrun import Cluster  # noqa: E402
from vipkit.events import add_events  # noqa: E402
from vipkit.testing import DatabaseFactory  # noqa: E402

GROUP = "entitlements.tier-changed"
TICK_S = 0.02
DRAIN_S = 90.0


def tier_event(customer_id: str) -> TierChangedV1:
    now = clock.now()
    return TierChangedV1(
        customer_id=customer_id,
        program="stars",
        from_tier="none",
        to_tier="star_4",
        status="confirmed",
        reason="initial",
        score=Decimal("120000.00"),
        effective_at=now,
        sequence=1,
        birth_date=dt.date(1975, 5, 20),
        waiting_from=now.date() - dt.timedelta(days=60),
    )


class Bench:
    def __init__(self, tiering: Database, entitlements: Database) -> None:
        self.tiering = tiering
        self.entitlements = entitlements
        self.tag = uuid.uuid4().hex[:6]
        self.count = 0
        self.relay_ms: dict[str, float] = {}  # outbox created_at -> published_at, per customer
        self.to_commit = False  # latency to the grant's commit (track_commit_timestamp), else to its batch's start

    async def check_commit_timestamps(self) -> None:
        async with self.entitlements.engine.connect() as conn:
            self.to_commit = (await conn.execute(text("SHOW track_commit_timestamp"))).scalar() == "on"
        print(
            "latency measured to the grant's commit (track_commit_timestamp)"
            if self.to_commit
            else "latency measured to the start of the grant's transaction (processed_at): the server does not "
            "track commit timestamps (ALTER SYSTEM SET track_commit_timestamp = on, restart) and the batch's own "
            "time is left out",
            flush=True,
        )

    async def write(self, n: int) -> list[str]:
        """``n`` new customers' tier changes in tiering's outbox (one transaction); their ids."""
        ids = [f"CB{self.tag}{self.count + i:07d}" for i in range(n)]
        self.count += n
        async with self.tiering.transaction() as session:
            await add_events(session, [(Topic.tier_changed, tier_event(c), c) for c in ids], source="tiering")
        return ids

    async def processed(self, keys: list[str]) -> dict[str, float]:
        """Latency in ms (outbox created_at → inbox processed_at) of the customers' events applied so far."""
        if not keys:
            return {}
        async with self.tiering.engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT key, event_id, created_at, published_at FROM outbox WHERE key = ANY(:k)"), {"k": keys}
            )
            created = {}
            for r in rows:
                created[r.event_id] = (r.key, r.created_at)
                if r.published_at is not None:
                    self.relay_ms[r.key] = (r.published_at - r.created_at).total_seconds() * 1000
        applied_at = "pg_xact_commit_timestamp(xmin)" if self.to_commit else "processed_at"
        async with self.entitlements.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    f"SELECT event_id, {applied_at} AS applied_at FROM inbox WHERE consumer = :g AND event_id = ANY(:e)"
                ),
                {"g": GROUP, "e": list(created)},
            )
            return {
                created[r.event_id][0]: (r.applied_at - created[r.event_id][1]).total_seconds() * 1000 for r in rows
            }

    async def drain(self, keys: list[str], timeout: float) -> dict[str, float]:
        deadline = time.monotonic() + timeout
        while True:
            done = await self.processed(keys)
            if len(done) == len(keys) or time.monotonic() > deadline:
                return done
            await asyncio.sleep(0.5)

    async def offer(self, rate: float, seconds: float) -> tuple[list[str], float]:
        """Offer ``rate`` events/s for ``seconds``; returns the keys and the rate actually offered."""
        keys: list[str] = []
        started = time.monotonic()
        while (elapsed := time.monotonic() - started) < seconds:
            due = int(rate * elapsed) - len(keys)
            if due > 0:
                keys += await self.write(due)
            await asyncio.sleep(TICK_S)
        return keys, len(keys) / (time.monotonic() - started)


async def raw_loop(bootstrap: str, url: str, expected: int, timeout: float) -> tuple[int, float]:
    """The floor: aiokafka consume + one INSERT per event (own transaction); (events, seconds)."""
    import asyncpg
    from aiokafka import AIOKafkaConsumer

    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    pg = await asyncpg.connect(dsn)
    await pg.execute("CREATE TABLE raw_events (event_id text PRIMARY KEY, customer_id text, at timestamptz)")
    consumer = AIOKafkaConsumer(
        Topic.tier_changed.value,
        bootstrap_servers=bootstrap,
        group_id=f"bench-raw-{uuid.uuid4().hex[:6]}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=20,
    )
    await consumer.start()
    seen = 0
    started: float | None = None
    deadline = time.monotonic() + timeout
    try:
        while seen < expected and time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=500)
            for tp, messages in batches.items():
                for m in messages:
                    if started is None:
                        started = time.perf_counter()
                    event = json.loads(m.value)
                    await pg.execute(
                        "INSERT INTO raw_events VALUES ($1, $2, now()) ON CONFLICT DO NOTHING",
                        event["id"],
                        event["data"]["customer_id"],
                    )
                    seen += 1
                if messages:
                    await consumer.commit({tp: messages[-1].offset + 1})
    finally:
        await consumer.stop()
        await pg.close()
    return seen, time.perf_counter() - (started or time.perf_counter())


def print_tenths(keys: list[str], done: dict[str, float]) -> None:
    """p99 of each tenth of a phase, in offered order: a tail spread over the phase (queueing at a rate the
    consumer cannot hold grows tenth by tenth) tells another story than a few stalls."""
    tenth = max(1, len(keys) // 10)
    p99s = []
    for start in range(0, tenth * 10, tenth):
        values = sorted(done[k] for k in keys[start : start + tenth] if k in done)
        p99s.append(f"{percentile(values, 99):.0f}" if values else "-")
    print(f"{'':>10} p99 ms per tenth of the phase: {' '.join(p99s)}", flush=True)


class CpuMeter:
    """CPU used by entitlements and tiering during a phase, per tier change applied: a figure the
    machine's other load changes far less than latency (the processes wait for a core there). Also
    the broker's and PostgreSQL's share of a core in each tenth of the phase (``sample``): where a
    tail that grows during a phase comes from."""

    PROCESSES = ("entitlements", "tiering")

    def __init__(self, cluster: Cluster) -> None:
        self.pids = {name: [cluster.processes[n].pid for n in cluster.replica_names(name)] for name in self.PROCESSES}
        broker = cluster.broker.process if cluster.broker is not None else None
        self.broker_pid = broker.pid if broker is not None else None
        self.start = {name: self.cpu(name) for name in self.PROCESSES}
        self.wall = time.monotonic()
        self.samples: list[tuple[float, float, float]] = [self.servers()]

    def cpu(self, name: str) -> float:
        """CPU seconds of the service's processes (every replica)."""
        return sum(cpu_seconds(pid) for pid in self.pids[name])

    def servers(self) -> tuple[float, float, float]:
        """(monotonic time, broker CPU seconds, PostgreSQL server CPU seconds)."""
        broker = cpu_seconds(self.broker_pid) if self.broker_pid is not None else 0.0
        return time.monotonic(), broker, postgres_cpu_seconds()

    async def sample(self, period: float) -> None:
        """Record the servers' CPU every ``period`` seconds until cancelled."""
        while True:
            await asyncio.sleep(period)
            self.samples.append(self.servers())

    def report(self, rate: float, applied: int) -> None:
        used = {name: self.cpu(name) - self.start[name] for name in self.PROCESSES}
        wall = time.monotonic() - self.wall
        per = "; ".join(
            f"{n} {1000 * s / max(applied, 1):.2f} ms ({100 * s / wall:.0f}% of a core)" for n, s in used.items()
        )
        print(f"{'':>10} CPU per tier change applied: {per}", flush=True)
        spans = list(zip(self.samples, self.samples[1:], strict=False))
        if spans:
            broker = " ".join(f"{100 * (b[1] - a[1]) / (b[0] - a[0]):.0f}" for a, b in spans)
            server = " ".join(f"{100 * (b[2] - a[2]) / (b[0] - a[0]):.0f}" for a, b in spans)
            print(f"{'':>10} % of a core per tenth: broker {broker}; PostgreSQL {server}", flush=True)
        figure(
            "consumer",
            f"entitlements CPU per tier change at {rate:g}/s",
            1000 * used["entitlements"] / max(applied, 1),
            "ms",
        )


async def drive(cluster: Cluster, args: argparse.Namespace, raw_url: str) -> bool:
    tiering = Database(cluster.database_url("tiering"), pool_size=2)
    entitlements = Database(cluster.database_url("entitlements"), pool_size=2)
    bench = Bench(tiering, entitlements)
    ok = True
    try:
        await bench.check_commit_timestamps()
        first = await bench.write(1)
        if len(await bench.drain(first, 60)) != 1:
            raise TimeoutError("warm-up event not applied within 60 s (consumer group join)")
        print(
            f"{'offered/s':>10} {'events':>7} {'applied':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  goal p99<=250",
            flush=True,
        )
        for rate in args.rates:
            cpu = CpuMeter(cluster)
            sampler = asyncio.create_task(cpu.sample(args.seconds / 10))
            try:
                keys, offered = await bench.offer(rate, args.seconds)
            finally:
                sampler.cancel()
            done = await bench.drain(keys, DRAIN_S)
            values = sorted(done.values())
            p50, p99 = (percentile(values, 50), percentile(values, 99)) if values else (float("nan"),) * 2
            met = len(values) == len(keys) and p99 <= 250
            ok = ok and len(values) == len(keys)
            print(
                f"{offered:>10.0f} {len(keys):>7} {len(values):>8} {p50:>8.1f} {p99:>8.1f} "
                f"{(values[-1] if values else float('nan')):>8.1f}  {'MET' if met else 'MISSED'}",
                flush=True,
            )
            relay = sorted(bench.relay_ms[k] for k in keys if k in bench.relay_ms)
            if relay:
                print(f"{'':>10} of which outbox → published (relay): p50 {percentile(relay, 50):.1f} ms, "
                      f"p99 {percentile(relay, 99):.1f} ms", flush=True)  # fmt: skip
            print_tenths(keys, done)
            cpu.report(rate, len(done))
            figure("consumer", f"grant applied p50 at {rate:g}/s", p50, "ms")
            figure("consumer", f"grant applied p99 at {rate:g}/s", p99, "ms", goal="<= 250 ms", met=met)
        t0 = time.perf_counter()
        keys = await bench.write(args.burst)
        done = await bench.drain(keys, DRAIN_S)
        burst_s = time.perf_counter() - t0
        ours = len(done) / burst_s
        total = bench.count
        seen, raw_s = await raw_loop(cluster.kafka_bootstrap or "", raw_url, total, DRAIN_S)
        raw = seen / raw_s if raw_s > 0 else float("nan")
        print(
            f"burst of {args.burst:,}: applied {len(done):,} in {burst_s:.1f} s = {ours:,.0f} events/s (relay + "
            f"consumer + grants); raw aiokafka + one INSERT per event: {seen:,} in {raw_s:.1f} s = {raw:,.0f}/s; "
            f"ratio {ours / raw:.2f}",
            flush=True,
        )
        figure(
            "consumer", "throughput (burst)", ours, "events/s", floor=raw, floor_name="raw consume+INSERT",
            goal=">= 0.5x", met=ours >= 0.5 * raw,
        )  # fmt: skip
        ok = ok and len(done) == len(keys)
    finally:
        await tiering.dispose()
        await entitlements.dispose()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rates", default="100,200,500", help="offered tier changes per second, comma-separated")
    parser.add_argument("--seconds", type=float, default=60.0, help="seconds per rate (at most 120)")
    parser.add_argument("--burst", type=int, default=5000, help="events written at once for the throughput figure")
    parser.add_argument("--relay-poll-ms", type=int, default=20)
    parser.add_argument("--smoke", action="store_true", help="20/s for 3 s and a burst of 100: check that it runs")
    parser.add_argument(
        "--entitlements-replicas", type=int, default=1, help="entitlements processes in the consumer group (prod: 2)"
    )
    parser.add_argument("--keep", action="store_true")
    args, _ = parser.parse_known_args()  # make bench passes its own arguments to every script
    args.rates = [float(r) for r in args.rates.split(",") if r.strip()]
    if args.smoke:
        args.rates, args.seconds, args.burst = [20.0], 3.0, 100
    args.seconds = max(1.0, min(args.seconds, 120.0))
    args.burst = max(1, min(args.burst, 50_000))
    env = {"VIP_KAFKA_FETCH_MAX_WAIT_MS": "20"}
    service_env = {"tiering": {"VIP_RELAY_POLL_MS": str(args.relay_poll_ms)}}

    def run(cluster: Cluster, factory: DatabaseFactory) -> bool:
        raw_url = factory.create("postgresql", ROOT / "services/notifier/migrations")
        return asyncio.run(drive(cluster, args, raw_url))

    replicas = {"entitlements": max(1, min(args.entitlements_replicas, 3))}
    return run_cluster(
        "consumer", run, env=env, service_env=service_env, with_simulator=False, keep=args.keep, replicas=replicas
    )


if __name__ == "__main__":
    sys.exit(main())
