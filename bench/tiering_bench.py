"""Tiering portfolio benchmark (issue 3): bulk import rate, full re-rating time, bare SQL GROUP BY.

Generates a synthetic portfolio (``--customers``, about ``--policies-per-customer`` policies each, a
realistic mix of channels, products, payment modes, statuses, top-ups and dates), imports it into a
fresh PostgreSQL database through the tiering importer (same code as ``POST /api/v1/policies/import``
and the CLI), then times:

1. the import (policies/s, including validation, ``policy.changed.v1`` outbox rows and re-rating);
2. a full re-rating of every customer (``run_for_date``): cold (no tier states, no earlier run: every
   customer through the rules, every state written, every event produced), warm (the next day: the
   set-based prefilter hands only due customers to the rules), with 1% of the policies changed straight
   in the table, and once more without the prefilter (``--skip-full`` skips that one);
3. the same ``stars`` sums computed by one bare SQL ``GROUP BY``, checked against the re-rating.

The database is created for the run and dropped at the end (``--keep`` keeps it). Bounded: the
default size finishes in a few minutes on 2 cores. Never part of the test suite.

Usage: ``python bench/tiering_bench.py [--customers 20000] [--policies-per-customer 3] [--pg-url URL]``
(the issue's target size is ``--customers 1000000 --policies-per-customer 3``).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench.common import figure, load_average, postgres_cpu_seconds, scratch_database  # noqa: E402
from contracts.policy import resident_id as make_resident_id  # noqa: E402
from services.tiering import importer, parallel_import, runs  # noqa: E402
from services.tiering.main import migrate  # noqa: E402
from services.tiering.programs import load_program  # noqa: E402
from vipkit import clock  # noqa: E402
from vipkit.app import freeze_startup_heap  # noqa: E402
from vipkit.db import Database  # noqa: E402

TOP_UP_LAST = dt.date(2026, 6, 30)  # every top-up is dated before the benchmark's as_of


def resident_id(rng: random.Random, birth: dt.date) -> str:
    area = rng.choice(["110101", "310104", "440305", "510107"])
    return make_resident_id(birth, rng.randint(0, 999), area)


def generate(path: Path, customers: int, per_customer: float, seed: int = 7) -> int:
    """Write the synthetic portfolio as NDJSON; returns the number of policies."""
    rng = random.Random(seed)
    channels = ["agency"] * 55 + ["bancassurance"] * 25 + ["direct"] * 10 + ["broker"] * 7 + ["group"] * 3
    kinds = ["traditional"] * 30 + ["participating"] * 20 + ["health"] * 25 + ["accident"] * 5
    kinds += ["investment_linked"] * 8 + ["universal"] * 12
    statuses = ["in_force"] * 85 + ["lapsed"] * 6 + ["surrendered"] * 4 + ["matured"] * 2 + ["suspended"] * 2
    statuses += ["cancelled_in_cooling_off"]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(customers):
            cid = f"B{n:09d}"
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 50))
            person = {
                "customer_id": cid,
                "name": "客户",
                "id_type": "resident_id",
                "id_no": resident_id(rng, birth),
                "mobile": f"13{rng.randint(0, 999999999):09d}",
                "birth_date": birth.isoformat(),
            }
            for _ in range(max(1, round(rng.expovariate(1 / per_customer)))):
                count += 1
                single = rng.random() < 0.15
                kind = rng.choice(kinds)
                effective = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 16 * 365 + 300))
                premium = Decimal(min(rng.lognormvariate(8.6, 1.1), 2_000_000)).quantize(Decimal("0.01"))
                top_ups = []
                if kind in ("investment_linked", "universal") and rng.random() < 0.3:
                    top_ups.append(
                        {
                            "kind": rng.choice(["ad_hoc", "initial_lump_sum", "regular_additional"]),
                            "amount": f"{rng.randint(1, 200) * 500}.00",
                            "date": min(effective + dt.timedelta(days=rng.randint(0, 300)), TOP_UP_LAST).isoformat(),
                        }
                    )
                policy = {
                    "holder": person,
                    "insured": person,
                    "product": {"code": f"PRD{rng.randint(1, 80):03d}", "name": "产品", "kind": kind},
                    "channel": rng.choice(channels),
                    "payment_mode": "single" if single else "regular",
                    "annual_premium": str(premium),
                    "payment_years": 1 if single else rng.choice([3, 5, 10, 15, 20, 30]),
                    "coverage_years": None,
                    "top_ups": top_ups,
                    "status": rng.choice(statuses),
                    "underwritten_at": f"{(effective - dt.timedelta(days=1)).isoformat()}T10:00:00+08:00",
                    "effective_date": effective.isoformat(),
                    "loan_or_pledge": rng.random() < 0.03,
                    "electronic_contract": rng.random() < 0.7,
                }
                out.write(json.dumps({"policy_no": f"BP{count:010d}", "policy": policy}, ensure_ascii=False) + "\n")
    return count


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import workers, once they have ended
    return usage.ru_utime + usage.ru_stime


async def chunks(path: Path) -> object:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            yield chunk


COEF = "LEAST((CASE WHEN payment_mode = 'single' THEN 1 ELSE payment_years END) / 10.0, 1)"
BARE_SQL = f"""
SELECT holder_customer_id, SUM(ROUND(CASE WHEN product_kind IN ('investment_linked', 'universal')
         THEN annual_premium * {COEF} * 0.5 + top_up_total * 0.05
         ELSE annual_premium * {COEF} END, 2))
FROM policies
WHERE status = 'in_force' AND channel <> 'group' AND effective_date <= :d AND cooling_off_end <= :d
GROUP BY holder_customer_id
"""
IMPORT_TABLES = ("policies", "policy_top_ups", "outbox", "tier_states", "tier_history")
COLD_TABLES = ("tier_history", "outbox")  # with every tier state: what a cold run writes


async def raw_copy_seconds(db: Database, sources: dict[str, str]) -> tuple[float, int]:
    """A floor of what a phase wrote: the rows of each ``table: SELECT`` in ``sources``, COPYed out to
    files, then COPYed into empty clones of those tables (same columns, indexes and constraints) in
    one transaction. Returns (seconds of the COPY in, rows)."""
    async with db.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        pg = raw.driver_connection
        assert pg is not None
        with tempfile.TemporaryDirectory() as tmp:  # files, not memory: gigabytes at 1M customers
            files = {table: str(Path(tmp) / f"{table}.copy") for table in sources}
            for table, query in sources.items():
                await pg.copy_from_query(query, output=files[table], format="binary")
                await pg.execute(f"DROP TABLE IF EXISTS floor_{table}")
                await pg.execute(f"CREATE TABLE floor_{table} (LIKE {table} INCLUDING ALL)")
            rows = 0
            t0 = time.perf_counter()
            async with pg.transaction():
                for table in sources:
                    status = await pg.copy_to_table(f"floor_{table}", source=files[table], format="binary")
                    rows += int(status.split()[-1])
            took = time.perf_counter() - t0
        for table in sources:
            await pg.execute(f"DROP TABLE floor_{table}")
    return took, rows


async def max_ids(db: Database, tables: tuple[str, ...]) -> dict[str, int]:
    """The highest id of each table (the rows a phase writes are those above)."""
    async with db.engine.connect() as conn:
        return {t: (await conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {t}"))).scalar_one() for t in tables}


def cpu_per(seconds: float, count: int) -> str:
    return f"{1e6 * seconds / max(count, 1):.0f} µs"


async def bare_group_by_insert_seconds(db: Database, day: dt.date) -> tuple[float, int]:
    """The floor of a re-rating: the same ``stars`` sums by one GROUP BY, INSERTed into a table."""
    async with db.engine.begin() as conn:
        await conn.execute(text("DROP TABLE IF EXISTS floor_scores"))
        await conn.execute(text("CREATE TABLE floor_scores (customer_id varchar(64) PRIMARY KEY, score numeric)"))
    async with db.engine.begin() as conn:
        t0 = time.perf_counter()
        rows = (await conn.execute(text("INSERT INTO floor_scores " + BARE_SQL), {"d": day})).rowcount
        took = time.perf_counter() - t0
    async with db.engine.begin() as conn:
        await conn.execute(text("DROP TABLE floor_scores"))
    return took, rows


async def timed_run(db: Database, program: object, day: dt.date, args: argparse.Namespace, **kw: object) -> tuple:
    t0, c0 = time.perf_counter(), time.process_time()
    run = await runs.run_for_date(db, program, day, chunk_size=args.chunk_size, **kw)  # type: ignore[arg-type]
    return run, time.perf_counter() - t0, time.process_time() - c0


async def measure(url: str, path: Path, args: argparse.Namespace) -> None:
    program = load_program("stars")
    db = Database(url, pool_size=4)  # a run re-rates two chunks at once
    as_of = clock.today() - dt.timedelta(days=4)  # the runs end yesterday: a run may not be ahead of today
    try:
        t0, c0, k0, p0 = time.perf_counter(), time.process_time(), children_cpu(), postgres_cpu_seconds()
        if args.import_workers > 1:
            result = await parallel_import.import_parallel(
                url,
                "stars",
                chunks(path),  # type: ignore[arg-type]
                workers=args.import_workers,
                batch_size=args.batch_size,
            )
        else:
            result = await importer.import_ndjson(db, program, chunks(path), batch_size=args.batch_size)  # type: ignore[arg-type]
        took, cpu, kids = time.perf_counter() - t0, time.process_time() - c0, children_cpu() - k0
        server = postgres_cpu_seconds() - p0
        rate = result.received / took
        print(
            f"import: {result.received:,} lines, {result.created:,} created, {result.rejected} rejected "
            f"in {took:.1f} s ({cpu:.1f} s CPU in this process, {kids:.1f} s in {args.import_workers} workers) "
            f"= {rate:,.0f} policies/s "
            f"(validation, COPY of policies/top-ups/outbox, set-wise re-rating of {result.rerated_customers:,})",
            flush=True,
        )
        cores = os.cpu_count() or 1
        print(
            f"CPU per policy: workers {cpu_per(kids, result.received)}, this process {cpu_per(cpu, result.received)}, "
            f"PostgreSQL {cpu_per(server, result.received)}; 20,000 policies/s on {cores} cores allows "
            f"{cpu_per(cores, 20_000)} in all",
            flush=True,
        )
        async with db.engine.begin() as conn:
            await conn.execute(text("ANALYZE"))
        copy_s, copy_rows = await raw_copy_seconds(db, {t: f"SELECT * FROM {t}" for t in IMPORT_TABLES})
        print(
            f"floor: raw COPY of the same {copy_rows:,} rows (policies, top-ups, outbox, states, history) "
            f"into empty clones: {copy_s:.1f} s; import / raw COPY = {took / copy_s:.1f}x",
            flush=True,
        )
        figure("tiering", "import", rate, "policies/s", goal=">= 20000/s", met=rate >= 20_000)
        figure(
            "tiering",
            "import vs raw COPY",
            took,
            "s",
            floor=copy_s,
            floor_name="raw COPY",
            goal="<= 5x",
            met=took <= 5 * copy_s,
        )
        async with db.engine.begin() as conn:
            await conn.execute(text("DELETE FROM tier_states"))
            await conn.execute(text("ANALYZE"))
        before_cold, p0 = await max_ids(db, COLD_TABLES), postgres_cpu_seconds()
        cold, cold_s, cold_cpu = await timed_run(db, program, as_of, args)
        cold_server = postgres_cpu_seconds() - p0
        async with db.engine.begin() as conn:
            # what autovacuum's analyze does after a bulk write (it is off on this machine): left with
            # the statistics of the empty table, the planner nests a loop over a million states
            await conn.execute(text("ANALYZE"))
        print(
            f"re-rating cold (every state written): {cold.evaluated:,} customers in {cold_s:.2f} s "
            f"({cold_cpu:.1f} s CPU here, {cold_server:.1f} s in PostgreSQL; {cold.evaluated / cold_s:,.0f}/s), "
            f"{cold.changed:,} tier changes",
            flush=True,
        )
        cold_copy_s, cold_rows = await raw_copy_seconds(
            db,
            {"tier_states": "SELECT * FROM tier_states"}
            | {t: f"SELECT * FROM {t} WHERE id > {i}" for t, i in before_cold.items()},
        )
        print(
            f"floor: raw COPY of the {cold_rows:,} rows the cold run wrote (states, history, outbox) into empty "
            f"clones: {cold_copy_s:.1f} s; cold / raw COPY = {cold_s / cold_copy_s:.1f}x",
            flush=True,
        )
        warm, warm_s, _ = await timed_run(db, program, as_of + dt.timedelta(days=1), args)
        print(
            f"re-rating warm (the next day): {warm.evaluated:,} customers in {warm_s:.2f} s, "
            f"{warm.changed:,} tier changes",
            flush=True,
        )
        # a realistic day: 1% of the policies changed by the core system behind the intake's back
        day3 = as_of + dt.timedelta(days=2)
        async with db.engine.begin() as conn:
            touched = (
                await conn.execute(
                    text(
                        "UPDATE policies SET status = CASE WHEN status = 'in_force' THEN 'lapsed' "
                        "ELSE 'in_force' END, updated_at = now() WHERE abs(hashtext(policy_no)) % 100 = 0"
                    )
                )
            ).rowcount
        moved, moved_s, _ = await timed_run(db, program, day3, args)
        print(
            f"re-rating with 1% of policies changed ({touched:,}): {moved.evaluated:,} customers in {moved_s:.2f} s, "
            f"{moved.changed:,} tier changes",
            flush=True,
        )
        last_day = day3
        full_s = 0.0
        if not args.skip_full:
            last_day = day3 + dt.timedelta(days=1)
            full, full_s, _ = await timed_run(db, program, last_day, args, prefilter=False)
            print(f"re-rating without the prefilter: {full.evaluated:,} customers in {full_s:.2f} s", flush=True)
        bare_s, bare_rows = await bare_group_by_insert_seconds(db, last_day)
        async with db.engine.connect() as conn:
            sums: dict[str, Decimal] = dict((await conn.execute(text(BARE_SQL), {"d": last_day})).all())
            scores: dict[str, Decimal] = dict(
                (await conn.execute(text("SELECT customer_id, score FROM tier_states"))).all()
            )
        mismatches = len([c for c, s in sums.items() if Decimal(scores.get(c, 0)) != Decimal(s)])
        print(
            f"floor: bare GROUP BY + INSERT of the stars sums: {bare_rows:,} customers in {bare_s:.2f} s; "
            f"{mismatches} score mismatches vs the re-rating",
            flush=True,
        )
        ratios = f"cold {cold_s / bare_s:.1f}x, warm {warm_s / bare_s:.1f}x, 1% changed {moved_s / bare_s:.1f}x"
        if full_s:
            ratios += f", without prefilter {full_s / bare_s:.1f}x"
        print(f"re-rating / bare GROUP BY + INSERT: {ratios}", flush=True)
        floor = {"floor": bare_s, "floor_name": "GROUP BY + INSERT"}
        figure("tiering", "re-rating cold", cold_s, "s", goal="<= 3x", met=cold_s <= 3 * bare_s, **floor)  # type: ignore[arg-type]
        figure(
            "tiering", "re-rating cold vs raw COPY of its rows", cold_s, "s", floor=cold_copy_s, floor_name="raw COPY"
        )
        figure("tiering", "re-rating warm", warm_s, "s", goal="<= 1x", met=warm_s <= bare_s, **floor)  # type: ignore[arg-type]
        figure("tiering", "re-rating 1% changed", moved_s, "s", goal="", met=None, **floor)  # type: ignore[arg-type]
        figure("tiering", "score mismatches", mismatches, "customers", goal="0", met=mismatches == 0)
        phases = took + cold_s + warm_s + moved_s
        print(f"import + cold + warm + 1% changed: {phases:.0f} s ({phases / 60:.1f} min)", flush=True)
        figure(
            "tiering",
            "import + cold + warm + 1%",
            phases,
            "s",
            goal="< 900 s at 1M customers",
            met=phases < 900 if args.customers >= 1_000_000 else None,
        )
    finally:
        await db.dispose()


async def bench(args: argparse.Namespace) -> None:
    print(load_average(), flush=True)
    freeze_startup_heap()  # as the tiering service does once started (its runs go through the same code)
    with scratch_database("tiering", keep=args.keep, url=args.pg_url) as url:
        migrate(url)
        with tempfile.TemporaryDirectory() as tmp:
            path = portfolio(Path(args.portfolio_dir or tmp), args.customers, args.policies_per_customer)
            started = time.perf_counter()
            await measure(url, path, args)
            print(f"measured in {time.perf_counter() - started:.0f} s; {load_average()}", flush=True)


def portfolio(directory: Path, customers: int, per_customer: float) -> Path:
    """The synthetic portfolio's file: generated, or reused from ``directory`` (``--portfolio-dir``: the
    1M-customer file takes minutes to write, and is the same for the same size and seed)."""
    path = directory / f"tiering-portfolio-{customers}-{per_customer}.ndjson"
    if path.exists():
        print(f"reusing {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        return path
    t0 = time.perf_counter()
    partial = path.with_suffix(".partial")
    policies = generate(partial, customers, per_customer)
    partial.rename(path)
    print(
        f"generated {customers:,} customers / {policies:,} policies "
        f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--policies-per-customer", type=float, default=3.0)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--chunk-size", type=int, default=5000)
    parser.add_argument("--import-workers", type=int, default=2, help="import processes (1: in this process)")
    parser.add_argument("--pg-url", default=None, help="admin URL (default VIP_TEST_POSTGRES_URL or 127.0.0.1:5432)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--portfolio-dir", default=None, help="keep the generated portfolio here and reuse it")
    parser.add_argument("--full", dest="skip_full", action="store_false", help="also run without the prefilter")
    parser.add_argument("--smoke", action="store_true", help="a tiny size, to check that the benchmark runs")
    args, _unknown = parser.parse_known_args()  # make bench passes its arguments to every script
    if args.smoke:
        args.customers = min(args.customers, 300)
    os.environ.setdefault("VIP_ENV", "dev")
    asyncio.run(bench(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
