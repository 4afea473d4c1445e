"""Revisit 10:00 batch benchmark: N eligible policies in the window → every first SMS requested and
every notification stored by the notifier.

What it does:

1. starts the platform (``vipkit.devrun.Cluster``) on fresh PostgreSQL databases, ``VIP_SCHEDULER=off``;
2. PUTs one policy through the gateway and waits until revisit has created its task (the real
   consumer path), then clones that task row ``--policies`` times in SQL (new ids, policy numbers,
   customers): every clone is due in the same 10:00 window;
3. floor: a bare ``INSERT ... SELECT`` writing one outbox-shaped row per due task (the same rows'
   count, a JSON payload built in SQL) into a scratch table;
4. the batch: ``POST /api/v1/revisits/runs`` on the revisit service (the code the 10:00 job runs)
   with the window's ``as_of``; its response means every first SMS is requested (outbox rows, links,
   status changes committed). Then the notifier's ``notifications`` table is polled until every SMS is
   stored (at most ``--drain-seconds``; the rate so far is reported when it is not).

Goal (issue 17): a batch of 100,000 policies < 60 s end to end. ``--smoke``: 200 policies.
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

from bench.common import figure, run_cluster  # noqa: E402
from bench.event_latency_bench import policy_body  # noqa: E402
from vipkit.auth import mint_token  # noqa: E402
from vipkit.db import Database  # noqa: E402
from vipkit.devrun import Cluster  # noqa: E402
from vipkit.testing import TEST_JWT_SECRET  # noqa: E402

OPS = {"Authorization": "Bearer " + mint_token("ops-revisit-bench", "ops", secret=TEST_JWT_SECRET)}


async def scalar(db: Database, sql: str, **params: object) -> object:
    async with db.engine.connect() as conn:
        return (await conn.execute(text(sql), params)).scalar()


async def seed(cluster: Cluster, revisit: Database, n: int) -> dt.datetime:
    """One task through the real path, cloned ``n - 1`` times; returns its first-SMS due time."""
    tag = uuid.uuid4().hex[:6]
    customer_id = f"RB{tag}"
    async with httpx.AsyncClient(base_url=cluster.gateway_url, timeout=30) as client:
        today = dt.date.today()
        body = policy_body(customer_id, 1, today)  # a new policy (underwritten yesterday, in cooling-off)
        effective = today - dt.timedelta(days=1)
        body |= {
            "underwritten_at": f"{effective.isoformat()}T15:00:00+08:00",
            "effective_date": effective.isoformat(),
            "cooling_off_end": (effective + dt.timedelta(days=15)).isoformat(),
        }
        r = await client.put(f"/api/v1/policies/P{customer_id}", json=body, headers=OPS)
        r.raise_for_status()
    deadline = time.monotonic() + 60
    while not await scalar(revisit, "SELECT count(*) FROM revisit_tasks"):
        if time.monotonic() > deadline:
            raise TimeoutError("revisit created no task within 60 s")
        await asyncio.sleep(0.3)
    async with revisit.engine.begin() as conn:
        cols = [
            r[0]
            for r in await conn.execute(
                text("SELECT column_name FROM information_schema.columns WHERE table_name = 'revisit_tasks'")
            )
        ]
        changed = {
            "id": "'rt' || lpad(g::text, 12, '0')",
            "policy_no": "'RBP' || lpad(g::text, 9, '0')",
            "customer_id": "'RBC' || lpad(g::text, 9, '0')",
            "insured_customer_id": "'RBC' || lpad(g::text, 9, '0')",
        }
        select_list = ", ".join(changed.get(c, c) for c in cols)
        await conn.execute(
            text(
                f"INSERT INTO revisit_tasks ({', '.join(cols)}) SELECT {select_list} "
                "FROM revisit_tasks, generate_series(1, :n) AS g"
            ),
            {"n": n - 1},
        )
        await conn.execute(text("ANALYZE revisit_tasks"))
        due = (await conn.execute(text("SELECT max(first_sms_due_at) FROM revisit_tasks"))).scalar_one()
    return due  # type: ignore[no-any-return]


async def floor_seconds(revisit: Database) -> tuple[float, int]:
    """Bare ``INSERT ... SELECT``: one outbox-shaped row per due task."""
    async with revisit.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE floor_outbox (LIKE outbox INCLUDING ALL)"))
    async with revisit.engine.begin() as conn:
        t0 = time.perf_counter()
        rows = (
            await conn.execute(
                text(
                    "INSERT INTO floor_outbox (event_id, topic, key, payload, created_at, attempts) "
                    "SELECT md5(random()::text || id), 'notification.requested.v1', customer_id, "
                    "json_build_object('customer_id', customer_id, 'mobile', holder_mobile, "
                    "'text', '您好，请点击链接完成回访' || md5(id), 'reference', policy_no)::text, now(), 0 "
                    "FROM revisit_tasks WHERE status IN ('pending', 'phone_queue') AND first_sms_at IS NULL"
                )
            )
        ).rowcount
        took = time.perf_counter() - t0
    async with revisit.engine.begin() as conn:
        await conn.execute(text("DROP TABLE floor_outbox"))
    return took, rows


async def print_stages(revisit: Database, notifier: Database, elapsed: float, stored: int) -> None:
    """Where the rows are (``--stages``): revisit's outbox published, notifications stored and sent."""
    published = await scalar(revisit, "SELECT count(*) FROM outbox WHERE published_at IS NOT NULL")
    sms_sent = await scalar(notifier, "SELECT count(*) FROM notifications WHERE status = 'sent'")
    print(f"  {elapsed:6.1f} s: relay published {published:,}, notifier stored {stored:,}, sent {sms_sent:,}",
          flush=True)  # fmt: skip


async def watch_stages(revisit: Database, notifier: Database, t0: float, before: int) -> None:
    """``--stages`` while the batch runs (its chunks commit one by one: the relay starts at once)."""
    while True:
        stored = int(await scalar(notifier, "SELECT count(*) FROM notifications") or 0) - before  # type: ignore[call-overload]
        await print_stages(revisit, notifier, time.perf_counter() - t0, stored)
        await asyncio.sleep(2.0)


async def drive(cluster: Cluster, args: argparse.Namespace) -> bool:
    revisit = Database(cluster.database_url("revisit"), pool_size=2)
    notifier = Database(cluster.database_url("notifier"), pool_size=2)
    try:
        due = await seed(cluster, revisit, args.policies)
        before = int(await scalar(notifier, "SELECT count(*) FROM notifications") or 0)  # type: ignore[call-overload]
        floor_s, floor_rows = await floor_seconds(revisit)
        print(f"{args.policies:,} tasks due at {due.isoformat()}; floor: bare INSERT ... SELECT of {floor_rows:,} "
              f"rows in {floor_s:.2f} s", flush=True)  # fmt: skip
        t0 = time.perf_counter()
        watch = asyncio.create_task(watch_stages(revisit, notifier, t0, before)) if args.stages else None
        async with httpx.AsyncClient(base_url=cluster.url("revisit"), timeout=args.drain_seconds + 600) as client:
            r = await client.post("/api/v1/revisits/runs", json={"as_of": due.isoformat()}, headers=OPS)
            r.raise_for_status()
            sent = r.json()["first_sms"]
        requested_s = time.perf_counter() - t0
        if watch is not None:
            watch.cancel()
        print(f"batch: {sent:,} first SMS requested (outbox, links, statuses committed) in {requested_s:.1f} s",
              flush=True)  # fmt: skip
        deadline = time.monotonic() + args.drain_seconds
        stored = 0
        while time.monotonic() < deadline:
            stored = int(await scalar(notifier, "SELECT count(*) FROM notifications") or 0) - before  # type: ignore[call-overload]
            if args.stages:
                await print_stages(revisit, notifier, time.perf_counter() - t0, stored)
            if stored >= sent:
                break
            await asyncio.sleep(1.0)
        total_s = time.perf_counter() - t0
        print(f"notifications stored: {stored:,} of {sent:,} after {total_s:.1f} s "
              f"({stored / max(total_s - requested_s, 0.001):,.0f}/s after the batch)", flush=True)  # fmt: skip
        complete = stored >= sent
        if not complete:
            print(f"not all stored within --drain-seconds {args.drain_seconds:.0f}: the end-to-end time is longer",
                  flush=True)  # fmt: skip
        figure("revisit", f"10:00 batch, {sent:,} SMS requested", requested_s, "s", floor=floor_s,
               floor_name="INSERT ... SELECT")  # fmt: skip
        figure("revisit", f"10:00 batch end to end ({'all' if complete else 'NOT all'} stored)", total_s, "s",
               floor=floor_s, floor_name="INSERT ... SELECT", goal="< 60 s", met=complete and total_s < 60)  # fmt: skip
        return sent == args.policies
    finally:
        await revisit.dispose()
        await notifier.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policies", type=int, default=100_000)
    parser.add_argument("--drain-seconds", type=float, default=180.0, help="wait for the notifier at most this")
    parser.add_argument("--stages", action="store_true", help="print each stage's progress every second")
    parser.add_argument("--smoke", action="store_true", help="200 policies: check that it runs")
    args, _ = parser.parse_known_args()  # make bench passes its own arguments to every script
    if args.smoke:
        args.policies, args.drain_seconds = 200, 60.0
    args.policies = max(2, min(args.policies, 200_000))
    args.drain_seconds = max(5.0, min(args.drain_seconds, 900.0))
    return run_cluster("revisit", lambda cluster, _factory: asyncio.run(drive(cluster, args)), with_simulator=False)


if __name__ == "__main__":
    sys.exit(main())
