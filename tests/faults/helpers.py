"""Shared pieces of the fault scenarios: ids, policy bodies, direct database reads, bounded
concurrency, and what a well-behaved client does with a 503 or a dropped connection."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import psycopg
from sqlalchemy.engine import make_url

from tests.e2e.harness import Api
from tests.e2e.policies import person, policy_body
from vipkit.devrun import Cluster
from vipkit.testing import wait_for

#: every 503/transport error a scenario's client retried (figures in the summary lines)
RETRIED: list[str] = []


def uid(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:8].upper()}"


def new_policy(customer: str, seq: int, premium: str = "160000.00") -> dict[str, Any]:
    return policy_body(
        person(customer, "丁华清", "1985-03-02", seq),
        premium=premium,
        effective="2026-09-01",
        underwritten="2026-08-30T15:00:00+08:00",
    )


def pg(cluster: Cluster, service: str, *, database: str | None = None) -> psycopg.Connection[Any]:
    u = make_url(cluster.database_urls[service])
    return psycopg.connect(
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        user=u.username or "postgres",
        dbname=database or u.database,
        autocommit=True,
    )


async def gather_limited(limit: int, calls: list[Any]) -> list[Any]:
    """``asyncio.gather`` with at most ``limit`` of the awaitables running at once."""
    gate = asyncio.Semaphore(limit)

    async def one(call: Any) -> Any:
        async with gate:
            return await call

    return await asyncio.gather(*(one(c) for c in calls))


async def all_true(check: Callable[[str], Awaitable[bool]], items: list[str]) -> bool:
    return all(await gather_limited(8, [check(i) for i in items]))


async def retrying(send: Any, attempts: int = 8, *, also: tuple[int, ...] = ()) -> httpx.Response:
    """What a client does with a 503 + Retry-After (e.g. the shared PostgreSQL out of connections) or a
    dropped connection: send the same request again a little later (the caller makes it idempotent:
    a PUT, or the same Idempotency-Key; ``also``: statuses that mean "retry shortly" to this caller, e.g.
    409 while the first call with the key is still running). Anything else is the answer."""
    for n in range(attempts):
        try:
            r = await send()
        except httpx.TransportError as exc:
            if n == attempts - 1:
                raise
            RETRIED.append(type(exc).__name__)
            await asyncio.sleep(1)
            continue
        if r.status_code not in (503, *also) or n == attempts - 1:
            return r
        RETRIED.append(str(r.status_code))
        await asyncio.sleep(float(r.headers.get("retry-after", "1")))
    raise AssertionError("unreachable")


async def ready(cluster: Cluster, name: str, timeout: float = 90) -> None:
    """``name`` answers ready (with its consumers' partitions assigned)."""
    async with httpx.AsyncClient(timeout=2) as client:

        async def answered() -> bool:
            try:
                r = await client.get(cluster.url(name) + "/readyz")
            except httpx.HTTPError:
                return False
            consumers = r.json().get("consumers", {}) if r.status_code == 200 else {"": "no"}
            return all(v == "assigned" for v in consumers.values())

        await wait_for(answered, timeout=timeout, interval=0.5, what=f"{name} ready")


@dataclass
class LedgerFigures:
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0
    settle_s: float = 0.0


async def settled_ledgers(
    api: Api, service_code: str, expected: dict[str, list[str]], refused: list[str], *, timeout: float = 180
) -> LedgerFigures:
    """After an entitlements outage: wait until each customer's unit ended as ``expected``
    ({"released": [customers], "consumed": [...]}), then count through the ledger API the units that
    did not (lost), moved twice (duplicated) or are still reserved (stuck; ``refused``: customers whose
    request was refused during the outage, who must hold nothing)."""
    started = time.monotonic()

    async def ledger(c: str) -> list[str]:
        r = await api.call("GET", f"/api/v1/customers/{c}/entitlements/{service_code}/ledger", token=api.token(c))
        return [e["action"] for e in r.json()["items"]] if r.status_code == 200 else ["unavailable"]

    async def settled() -> bool:
        for state, customers in expected.items():
            for c in customers:
                if state not in await ledger(c):
                    return False
        return True

    await wait_for(settled, timeout=timeout, interval=2, what=f"every {service_code} ledger effect after recovery")
    figures = LedgerFigures(settle_s=round(time.monotonic() - started, 1))
    for state, customers in expected.items():
        for c in customers:
            actions = await ledger(c)
            moves = [a for a in actions if a in ("released", "consumed")]
            figures.stuck += actions.count("reserved") > len(moves)
            figures.duplicated += max(len(moves) - 1, 0)
            figures.lost += moves != [state]
    for c in refused:
        figures.stuck += "reserved" in await ledger(c)
    return figures
