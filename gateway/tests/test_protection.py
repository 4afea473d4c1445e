"""Gateway protection and forwarding mechanics, against a tiny upstream that echoes what it got.

SPEC 7: rate limits (429 ``rate_limited`` with ``Retry-After``), the request body limit (413),
upstream failures as problem+json (502/503/504), request ids; SPEC 7.3: ``X-Test-Now`` forwarded
only when ``VIP_TEST_CLOCK=1``.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from gateway.settings import SERVICES
from gateway.tests.conftest import bearer, client, free_port, gateway_common, run_gateway
from gateway.tests.test_ratelimit import REDIS_URL, redis_available
from vipkit.testing import in_ci

MIB = 1024 * 1024


async def _echo(request: web.Request) -> web.StreamResponse:
    sleep = float(request.query.get("sleep", "0"))
    if sleep:
        await asyncio.sleep(sleep)
    if "stream" in request.query:
        size = int(request.query["stream"])
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        sent = 0
        while sent < size:
            chunk = bytes([65 + (sent // 65536) % 26]) * min(65536, size - sent)
            await response.write(chunk)
            sent += len(chunk)
        await response.write_eof()
        return response
    body = await request.read()
    return web.json_response(
        {"method": request.method, "path": request.path_qs, "headers": dict(request.headers), "body_len": len(body)},
        headers={"X-Request-ID": "upstream-own-id", "X-Upstream": "echo"},
    )


async def _ready(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ready", "checks": {"database": "ok"}})


async def _openapi(_request: web.Request) -> web.Response:
    return web.json_response(
        {
            "openapi": "3.1.0",
            "info": {"title": "echo", "version": "0"},
            "paths": {"/api/v1/catalog": {"get": {"responses": {"200": {"description": "OK"}}}}},
        }
    )


@contextlib.asynccontextmanager
async def echo_upstream() -> AsyncIterator[str]:
    app = web.Application(client_max_size=10 * MIB)
    app.router.add_get("/readyz", _ready)
    app.router.add_get("/openapi.json", _openapi)
    app.router.add_route("*", "/{tail:.*}", _echo)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def echo_gateway(test_clock: bool = False, **overrides: Any) -> AsyncIterator[tuple[httpx.AsyncClient, Any]]:
    async with (
        echo_upstream() as url,
        run_gateway(dict.fromkeys(SERVICES, url), gateway_common(test_clock), **overrides) as (
            gw_url,
            state,
        ),
        client(gw_url) as c,
    ):
        yield c, state


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the socket is closed


def assert_problem(resp: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["code"] == code and body["status"] == status and body["detail"]
    assert "Traceback" not in resp.text
    return body


# -- rate limits -------------------------------------------------------------------------------


async def test_rate_limit_per_token_burst_then_429_with_retry_after() -> None:
    async with echo_gateway(token_rate=0.5, token_burst=3) as (c, _):
        a = bearer(f"C{uuid.uuid4().hex[:10]}")
        statuses = [(await c.get("/api/v1/catalog", headers=a)).status_code for _ in range(3)]
        assert statuses == [200, 200, 200]
        refused = await c.get("/api/v1/catalog", headers=a)
        body = assert_problem(refused, 429, "rate_limited")
        assert refused.headers["Retry-After"] == "2"  # one token at 0.5/s
        assert body["retry_after_seconds"] == 2
        # another customer's token has its own bucket
        assert (await c.get("/api/v1/catalog", headers=bearer(f"C{uuid.uuid4().hex[:10]}"))).status_code == 200


async def test_rate_limit_per_ip_without_token() -> None:
    async with echo_gateway(ip_rate=0.5, ip_burst=2, token_rate=100, token_burst=100) as (c, _):
        assert [(await c.get("/api/v1/clinics")).status_code for _ in range(2)] == [200, 200]
        assert_problem(await c.get("/api/v1/clinics"), 429, "rate_limited")
        # invalid tokens count against the IP too (no brute force around the limit)
        assert_problem(await c.get("/api/v1/catalog", headers={"Authorization": "Bearer nope"}), 429, "rate_limited")
        # a valid token has its own bucket
        assert (await c.get("/api/v1/catalog", headers=bearer("C1001"))).status_code == 200


async def test_rate_limit_in_redis_is_shared_by_every_gateway_worker() -> None:
    if not redis_available():
        if in_ci():
            pytest.fail("CI=true but no Redis answers on 127.0.0.1:6379")
        pytest.skip("Redis not available on 127.0.0.1:6379")
    prefix = f"test:gw:{uuid.uuid4().hex}:"
    limits: dict[str, Any] = {"token_rate": 0.5, "token_burst": 3, "redis_url": REDIS_URL, "redis_prefix": prefix}
    async with echo_upstream() as url:
        upstreams = dict.fromkeys(SERVICES, url)
        async with run_gateway(upstreams, **limits) as (gw1, state1), run_gateway(upstreams, **limits) as (gw2, _):
            assert type(state1.limiter).__name__ == "RedisRateLimiter"
            a = bearer(f"C{uuid.uuid4().hex[:10]}")
            async with client(gw1) as c1, client(gw2) as c2:
                statuses = [(await c.get("/api/v1/catalog", headers=a)).status_code for c in (c1, c2, c1)]
                assert statuses == [200, 200, 200]
                for c in (c2, c1):
                    refused = await c.get("/api/v1/catalog", headers=a)
                    assert_problem(refused, 429, "rate_limited")
                    assert int(refused.headers["Retry-After"]) >= 1
                ready = await c1.get("/readyz")
                assert ready.json()["checks"]["redis"] == "ok"


# -- body limit --------------------------------------------------------------------------------


async def test_body_limit_413_by_content_length_and_when_streamed() -> None:
    async with echo_gateway(max_body_bytes=100_000) as (c, _):
        ok = await c.post("/api/v1/revisit-sessions", content=b"x" * 100_000)
        assert ok.status_code == 200 and ok.json()["body_len"] == 100_000
        body = assert_problem(
            await c.post("/api/v1/revisit-sessions", content=b"x" * 100_001), 413, "payload_too_large"
        )
        assert body["max_bytes"] == 100_000

        async def chunks(n: int) -> AsyncIterator[bytes]:
            for _ in range(n):
                yield b"y" * 65536

        assert_problem(await c.post("/api/v1/revisit-sessions", content=chunks(3)), 413, "payload_too_large")
        streamed = await c.post("/api/v1/revisit-sessions", content=chunks(1))
        assert streamed.status_code == 200 and streamed.json()["body_len"] == 65536


async def test_default_body_limit_is_one_mib() -> None:
    async with echo_gateway() as (c, _):
        big = await c.post("/api/v1/revisit-sessions", content=b"x" * MIB)
        assert big.status_code == 200 and big.json()["body_len"] == MIB  # streamed through (over 64 KiB)
        assert_problem(await c.post("/api/v1/revisit-sessions", content=b"x" * (MIB + 1)), 413, "payload_too_large")


# -- upstream failures -------------------------------------------------------------------------


async def test_upstream_down_is_503_on_its_routes_only_and_the_gateway_stays_ready() -> None:
    async with echo_upstream() as url:
        upstreams = {**dict.fromkeys(SERVICES, url), "tiering": closed_port_url()}
        async with run_gateway(upstreams) as (gw, _), client(gw) as c:
            refused = await c.get("/api/v1/customers/C1001/tier", headers=bearer("C1001"))
            body = assert_problem(refused, 503, "service_unavailable")
            assert "tiering" in body["detail"] and body["request_id"] and refused.headers["Retry-After"]
            ready = await c.get("/readyz")
            assert ready.status_code == 200
            assert ready.json()["status"] == "ready" and ready.json()["degraded"] == ["tiering"]
            assert ready.json()["upstreams"]["tiering"]["status"] == "unreachable"
            assert ready.json()["upstreams"]["booking"]["status"] == "ready"
            # the other services still answer, and the docs name the missing one
            assert (await c.get("/api/v1/catalog", headers=bearer("C1001"))).status_code == 200
            doc = (await c.get("/openapi.json")).json()
            assert doc["info"]["x-upstreams-unavailable"] == ["tiering"]


async def test_upstream_too_slow_is_504_problem() -> None:
    async with echo_gateway(default_timeout=0.3) as (c, _):
        assert_problem(await c.get("/api/v1/catalog?sleep=2", headers=bearer("C1001")), 504, "gateway_timeout")
        assert (await c.get("/api/v1/catalog?sleep=0.05", headers=bearer("C1001"))).status_code == 200


async def test_unknown_path_is_404_problem() -> None:
    async with echo_gateway() as (c, _):
        assert_problem(await c.get("/api/v1/nothing-here"), 404, "not_found")
        assert_problem(
            await c.get("/api/v1/customers/C1001%2F..%2FC2002/tier", headers=bearer("C1001")), 404, "not_found"
        )
        assert_problem(await c.post("/healthz"), 405, "method_not_allowed")


# -- headers -----------------------------------------------------------------------------------


async def test_x_test_now_is_stripped_when_the_test_clock_is_off() -> None:
    async with echo_gateway(test_clock=False) as (c, _):
        resp = await c.get("/api/v1/catalog", headers={**bearer("C1001"), "X-Test-Now": "2026-10-01T09:00:00+08:00"})
        assert resp.status_code == 200
        assert "X-Test-Now" not in resp.json()["headers"]


async def test_x_test_now_is_forwarded_when_the_test_clock_is_on() -> None:
    async with echo_gateway(test_clock=True) as (c, _):
        resp = await c.get("/api/v1/catalog", headers={**bearer("C1001"), "X-Test-Now": "2026-10-01T09:00:00+08:00"})
        assert resp.json()["headers"]["X-Test-Now"] == "2026-10-01T09:00:00+08:00"


async def test_request_id_is_passed_through_or_generated() -> None:
    async with echo_gateway() as (c, _):
        given = await c.get("/api/v1/catalog", headers={**bearer("C1001"), "X-Request-ID": "req-abc-123"})
        assert given.headers["X-Request-ID"] == "req-abc-123"
        assert given.json()["headers"]["X-Request-ID"] == "req-abc-123"
        made = await c.get("/api/v1/catalog", headers=bearer("C1001"))
        rid = made.headers["X-Request-ID"]
        assert len(rid) == 32 and made.json()["headers"]["X-Request-ID"] == rid
        problem = await c.get("/api/v1/nothing", headers={"X-Request-ID": "req-404"})
        assert problem.json()["request_id"] == "req-404"


async def test_authorization_passes_through_unchanged_and_hop_by_hop_headers_do_not() -> None:
    async with echo_gateway() as (c, _):
        auth = bearer("C1001")
        resp = await c.get(
            "/api/v1/catalog?x=1&y=%20z",
            headers={**auth, "Connection": "keep-alive, X-Private", "X-Private": "secret", "X-Custom": "kept"},
        )
        seen = resp.json()
        assert seen["path"] == "/api/v1/catalog?x=1&y=%20z"
        assert seen["headers"]["Authorization"] == auth["Authorization"]
        assert seen["headers"]["X-Custom"] == "kept"
        assert "X-Private" not in seen["headers"]
        assert seen["headers"]["X-Forwarded-For"] == "127.0.0.1"
        assert resp.headers["X-Upstream"] == "echo"


async def test_large_responses_are_streamed_through() -> None:
    async with echo_gateway() as (c, _):
        size = 3 * MIB + 123
        resp = await c.get(f"/r/blob?stream={size}")
        assert resp.status_code == 200
        assert len(resp.content) == size
        assert resp.content[:1] == b"A" and resp.content[-1:] == bytes([65 + ((size - 1) // 65536) % 26])


async def test_access_log_lines_are_json_and_masked() -> None:
    async with echo_gateway() as (c, state):
        stream = io.StringIO()
        state.access_log._stream = stream
        state.access_log.enabled = True
        await c.get("/api/v1/customers/13800138000/tier", headers={**bearer("ops1", "ops"), "X-Request-ID": "rid-log"})
        await c.get("/api/v1/customers/110101199001011234/tier", headers=bearer("C1001"))
        state.access_log.flush()
        lines = [json.loads(line) for line in stream.getvalue().splitlines()]
        assert [line["status"] for line in lines] == [200, 404]
        first = lines[0]
        assert first["path"] == "/api/v1/customers/138****8000/tier"
        assert first["request_id"] == "rid-log" and first["upstream"] == "tiering" and first["role"] == "ops"
        assert lines[1]["path"] == "/api/v1/customers/110101********1234/tier"
        assert "13800138000" not in stream.getvalue() and "199001011234" not in stream.getvalue()


async def test_rs256_tokens_verified_with_a_jwks_url() -> None:
    """SPEC 7.2: RS256 with a JWKS URL when configured."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    from vipkit.settings import CommonSettings

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwks = json.dumps({"keys": [{**jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(jwks)))
            self.end_headers()
            self.wfile.write(jwks)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        common = CommonSettings(
            env="test", jwt_jwks_url=f"http://127.0.0.1:{server.server_port}/jwks.json", jwt_secret=""
        )
        claims = {"sub": "C1001", "role": "customer", "exp": int(time.time()) + 60}
        good = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})
        hs = jwt.encode(claims, "some-hs256-secret-that-is-long-enough-000", algorithm="HS256")
        async with (
            echo_upstream() as url,
            run_gateway(dict.fromkeys(SERVICES, url), common) as (gw, _),
            client(gw) as c,
        ):
            ok = await c.get("/api/v1/customers/C1001/tier", headers={"Authorization": f"Bearer {good}"})
            assert ok.status_code == 200
            assert_problem(
                await c.get("/api/v1/customers/C1001/tier", headers={"Authorization": f"Bearer {hs}"}),
                401,
                "unauthorized",
            )
    finally:
        server.shutdown()
        server.server_close()


def test_forwarding_under_uvloop_as_in_production() -> None:
    """``python -m gateway`` runs on uvloop: small, streamed-up and streamed-down bodies there too."""
    import uvloop

    async def scenario() -> None:
        async with echo_gateway(rate_limit_enabled=False) as (c, _):
            small = await c.get("/api/v1/catalog", headers=bearer("C1001"))
            assert small.status_code == 200 and small.json()["method"] == "GET"

            async def chunks() -> AsyncIterator[bytes]:
                for _ in range(4):
                    yield b"z" * 65536

            up = await c.post("/api/v1/revisit-sessions", content=chunks())
            assert up.status_code == 200 and up.json()["body_len"] == 4 * 65536
            down = await c.get(f"/r/blob?stream={2 * MIB}")
            assert len(down.content) == 2 * MIB
            many = await asyncio.gather(*(c.get("/api/v1/catalog", headers=bearer("C1001")) for _ in range(50)))
            assert {r.status_code for r in many} == {200}

    loop = uvloop.new_event_loop()
    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
