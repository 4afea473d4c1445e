"""The gateway with several worker processes (``--workers 2``, as in deploy/k8s) answers /metrics
for all of them together: a scrape that lands on either worker sees every request."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import httpx

from vipkit.broker import free_port
from vipkit.testing import TEST_JWT_SECRET, metric_value, wait_for


async def test_metrics_sum_over_gateway_workers() -> None:
    port = free_port()
    env = {
        **os.environ,
        "VIP_ENV": "test",
        "VIP_JWT_SECRET": TEST_JWT_SECRET,
        "VIP_GATEWAY_RATE_LIMIT_ENABLED": "false",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    proc = await asyncio.create_subprocess_exec(
        *[sys.executable, "-m", "gateway", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:

            async def up() -> bool:
                try:
                    return (await client.get("/healthz")).status_code == 200
                except httpx.HTTPError:
                    return False

            await wait_for(up, timeout=60, what="the gateway workers")
            for _ in range(40):  # new connections: the kernel spreads them over both workers
                async with httpx.AsyncClient(base_url=base, timeout=10) as one:
                    assert (await one.get("/api/v1/no-such-thing")).status_code == 404
            for _ in range(6):
                async with httpx.AsyncClient(base_url=base, timeout=10) as one:
                    text = (await one.get("/metrics")).text
                assert metric_value(text, "vip_gateway_requests_total", route="unmatched", status="404") == 40
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 30)


async def test_gateway_metrics_need_the_scrape_token_when_one_is_set() -> None:
    from gateway.tests.conftest import client, run_gateway

    dead = f"http://127.0.0.1:{free_port()}"
    upstreams = {name: dead for name in ("tiering", "entitlements", "booking", "revisit", "notifier")}
    async with run_gateway(upstreams, metrics_token="scrape-token-for-prometheus") as (base, _), client(base) as c:
        assert (await c.get("/metrics")).status_code == 404
        assert (await c.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 404
        ok = await c.get("/metrics", headers={"Authorization": "Bearer scrape-token-for-prometheus"})
        assert ok.status_code == 200 and "vip_gateway_requests_total" in ok.text
    async with run_gateway(upstreams) as (base, _), client(base) as c:  # no token set: open (development)
        assert (await c.get("/metrics")).status_code == 200
