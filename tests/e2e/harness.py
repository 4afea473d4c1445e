"""End-to-end harness: the platform as real processes, driven only through the gateway.

Each journey module starts its own cluster (own tansu broker, own databases: PostgreSQL when
available, SQLite otherwise) with the test clock on and the scheduler off; time moves with
``X-Test-Now`` and the ops ``runs`` endpoints.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import standardwebhooks

from vipkit.auth import mint_token
from vipkit.broker import free_port, port_open
from vipkit.devrun import SERVICES, Cluster
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory, TopicWatcher, wait_for

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def free_base_port() -> int:
    for base in range(19100, 21000, 20):
        if not any(port_open("127.0.0.1", base + i) for i in range(10)):
            return base
    raise RuntimeError("no free port range")


@contextmanager
def running_platform(
    program: str, db_factory: DatabaseFactory, *, db_kind: str | None = None, env: dict[str, str] | None = None
) -> Iterator[Cluster]:
    kind = db_kind or ("postgresql" if db_factory.pg_url else "sqlite")
    var = Path(tempfile.mkdtemp(prefix=f"vip-e2e-{program}-"))
    urls = {s.name: db_factory.create(kind, s.migrations) for s in SERVICES if s.migrations}
    cluster = Cluster(
        var_dir=var,
        base_port=free_base_port(),
        kafka_bootstrap=None,
        kafka_port=free_port(),
        database_urls=urls,
        env={
            "VIP_PROGRAM": program,
            "VIP_ENV": "test",
            "VIP_JWT_SECRET": TEST_JWT_SECRET,
            "VIP_TEST_CLOCK": "1",
            "VIP_SCHEDULER": "off",
            "VIP_KAFKA_FETCH_MAX_WAIT_MS": "20",
            "VIP_RELAY_POLL_MS": "20",
            "VIP_REVISIT_MIN_ANSWER_SECONDS": "60",
            "VIP_SIMULATOR_CONFIRM_DELAY_SECONDS": "0.2",
            "VIP_SIMULATOR_COMPLETE_DELAY_SECONDS": "-1",
            **(env or {}),
        },
    )
    cluster.start()
    try:
        cluster.wait_ready(timeout=180)
        yield cluster
    except BaseException:
        for log in sorted((var / "logs").glob("*.log")):
            tail = log.read_text(errors="replace")[-3000:]
            print(f"===== {log.name}\n{tail}")
        raise
    finally:
        cluster.stop()


def at(value: str) -> str:
    """'2026-09-28 10:00' (Asia/Shanghai) → ISO-8601 with offset, for X-Test-Now."""
    return dt.datetime.fromisoformat(value).replace(tzinfo=SHANGHAI).isoformat()


class Api:
    """The gateway as a client sees it: JWTs, the test clock, problem+json."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.base = cluster.gateway_url
        self.client = httpx.AsyncClient(base_url=self.base, timeout=30)
        self.now: str | None = None
        self.ops = mint_token("ops-e2e", "ops", secret=TEST_JWT_SECRET)

    def token(self, customer_id: str) -> str:
        return mint_token(customer_id, "customer", secret=TEST_JWT_SECRET)

    def headers(self, token: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
        h: dict[str, str] = {}
        if token:
            h["Authorization"] = f"Bearer {token}"
        if self.now:
            h["X-Test-Now"] = self.now
        h.update(extra or {})
        return h

    async def call(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
        expect: int | tuple[int, ...] | None = None,
    ) -> httpx.Response:
        r = await self.client.request(method, path, json=json_body, headers=self.headers(token, headers))
        if expect is not None:
            wanted = (expect,) if isinstance(expect, int) else expect
            assert r.status_code in wanted, f"{method} {path} → {r.status_code}: {r.text}"
        return r

    async def as_ops(self, method: str, path: str, **kw: Any) -> httpx.Response:
        return await self.call(method, path, token=self.ops, **kw)

    async def notifications(self, customer_id: str) -> list[dict[str, Any]]:
        r = await self.as_ops("GET", f"/api/v1/notifications?customer_id={customer_id}", expect=200)
        body = r.json()
        return body["items"] if isinstance(body, dict) else body

    async def wait_notification(self, customer_id: str, template: str, timeout: float = 20) -> dict[str, Any]:
        async def find() -> dict[str, Any] | None:
            for n in await self.notifications(customer_id):
                if n.get("template") == template:
                    return n
            return None

        return await wait_for(find, timeout=timeout, interval=0.2, what=f"notification {template} for {customer_id}")

    async def aclose(self) -> None:
        await self.client.aclose()


def sign_partner_webhook(
    secret: str, payload: dict[str, Any], *, msg_id: str, when: dt.datetime | None = None
) -> tuple[bytes, dict[str, str]]:
    """Sign a partner callback the way a clinic does (Standard Webhooks)."""
    body = json.dumps(payload).encode()
    when = when or dt.datetime.now(dt.UTC)
    signature = standardwebhooks.Webhook(secret).sign(msg_id, when, body.decode())
    return body, {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
    }


async def watch(cluster: Cluster, *topics: str) -> TopicWatcher:
    assert cluster.kafka_bootstrap
    return await TopicWatcher(cluster.kafka_bootstrap, *topics).start()


__all__ = ["Api", "asyncio", "at", "running_platform", "sign_partner_webhook", "watch"]
