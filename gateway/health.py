"""The gateway's readiness: it can take traffic whatever the state of one upstream or of Redis.

Each upstream's readiness (every replica of it) and Redis are reported under ``upstreams`` and
``checks`` and listed in ``degraded``; none of them gates. An upstream that is down answers 503
``service_unavailable`` on its own routes only (``gateway.proxy``), and rate limits fail open
without Redis: taking the whole API out of rotation for one outage would widen it.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import aiohttp

from gateway.ratelimit import RateLimiter
from gateway.settings import GatewaySettings


async def probe_url(session: aiohttp.ClientSession, base: str, timeout: aiohttp.ClientTimeout) -> dict[str, Any]:
    try:
        async with session.get(base + "/readyz", timeout=timeout) as resp:
            try:
                detail = json.loads(await resp.read())
            except ValueError:
                detail = None
            checks = detail.get("checks") if isinstance(detail, dict) else None
            return {
                "status": "ready" if resp.status == 200 else "not_ready",
                "http_status": resp.status,
                "checks": checks,
            }
    except TimeoutError:
        return {"status": "unreachable", "error": "timeout"}
    except aiohttp.ClientError as exc:
        return {"status": "unreachable", "error": exc.__class__.__name__}


async def probe_service(
    session: aiohttp.ClientSession, urls: list[str], timeout: aiohttp.ClientTimeout
) -> dict[str, Any]:
    """A service is ready when one of its replicas is; with several replicas each is reported."""
    results = await asyncio.gather(*(probe_url(session, u, timeout) for u in urls))
    best = next((r for r in results if r["status"] == "ready"), results[0])
    if len(results) > 1:
        best = {**best, "replicas": dict(zip(urls, results, strict=True))}
    return best


async def readiness(
    session: aiohttp.ClientSession,
    replicas: dict[str, list[str]],
    timeout: aiohttp.ClientTimeout,
    limiter: RateLimiter,
    settings: GatewaySettings,
) -> dict[str, Any]:
    names = list(replicas)
    results = await asyncio.gather(*(probe_service(session, replicas[n], timeout) for n in names))
    upstreams = dict(zip(names, results, strict=True))
    checks: dict[str, str] = {}
    if settings.redis_url:
        checks["redis"] = "ok" if await limiter.ping() else "unreachable"
    degraded = sorted(n for n, r in upstreams.items() if r["status"] != "ready")
    degraded += sorted(n for n, v in checks.items() if v != "ok")
    return {
        "status": "ready",
        "service": "gateway",
        "pid": os.getpid(),
        "degraded": degraded,
        "checks": checks,
        "upstreams": upstreams,
    }
