"""The API gateway: one front door for every service (SPEC 0 and 7).

An aiohttp server forwarding with one pooled keep-alive aiohttp ``ClientSession`` (a plain httpx
proxy measured ~5% of direct throughput here). Per request: route by the precompiled table in
``gateway.routing``, authenticate, authorize, rate-limit, then stream the request to the service and
its answer back. Upstream connection failures answer 502 ``bad_gateway``, timeouts 504
``gateway_timeout``, unknown paths 404 ``not_found``: always ``application/problem+json`` with a
``code``, never a stack trace.

Authentication model (docs/internal-apis.md): every service verifies the JWT itself
(``vipkit.auth``) and the gateway passes ``Authorization`` through unchanged. The gateway verifies
it too (``vipkit.auth.TokenVerifier``, verified tokens cached briefly) to refuse early: no token on a
protected path → 401, a customer on an ops path → 403, a customer on another customer's
``/api/v1/customers/{id}/...`` → 404. The gateway adds no identity header of its own, so there is no
header a client could forge to pass as someone else: object ownership (bookings, relatives, ...) is
checked by the owning service from the same token.

Also: request ids (``X-Request-ID`` passed through or generated), token-bucket rate limits per
subject or per IP (memory, or Redis with ``VIP_REDIS_URL``), a request body limit (413), masked JSON
access log lines, the test clock header ``X-Test-Now`` forwarded only when ``VIP_TEST_CLOCK=1``,
the merged OpenAPI document at ``/openapi.json``, Swagger UI at ``/docs``, ``/healthz`` and
``/readyz`` (the gateway and every upstream).

Run: ``python -m gateway --port 8000 --workers 1`` (factory: ``gateway.main:create_app``).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import time
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

import aiohttp
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from gateway.accesslog import AccessLog
from gateway.api_reference import GATEWAY_PATHS
from gateway.docs import DOCS_HTML, Asset, load_assets
from gateway.health import readiness
from gateway.openapi import OpenApiAggregator
from gateway.proxy import Proxy, problem_response, request_id_of
from gateway.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter, retry_after_header
from gateway.routing import CUSTOMER, OPS, PUBLIC, RouteTable, unsafe_path
from gateway.settings import SERVICES, GatewaySettings
from vipkit import metrics, tracing
from vipkit.auth import Identity, KeyNotCached, TokenVerifier, bearer_token
from vipkit.error_codes import error_code_table
from vipkit.logging import configure_logging, request_id_var
from vipkit.problems import Problem, Unauthorized
from vipkit.settings import CommonSettings

log = logging.getLogger("gateway")

GATEWAY_KEY: web.AppKey[Gateway] = web.AppKey("gateway")
# The matched RouteRule pattern of the request being handled (each request runs in its own task).
route_var: ContextVar[str] = ContextVar("gateway_route", default="unmatched")

ERROR_CODES_BODY = json.dumps(error_code_table(), ensure_ascii=False).encode()


class Gateway:
    """State shared by the handlers of one worker: routes, verifier, limiter, the upstream pool."""

    def __init__(self, settings: GatewaySettings, common: CommonSettings) -> None:
        self.settings = settings
        self.common = common
        self.table = RouteTable()
        self.verifier = TokenVerifier(common, cache_seconds=30.0)
        self.limiter: RateLimiter = (
            RedisRateLimiter(settings.redis_url, settings.redis_prefix) if settings.redis_url else MemoryRateLimiter()
        )
        self.tracing = tracing.configure_tracing("gateway")
        self.proxy = Proxy(settings, forward_test_clock=common.test_clock, tracing_on=self.tracing)
        self.openapi_timeout = aiohttp.ClientTimeout(
            total=settings.openapi_fetch_timeout, sock_connect=min(settings.connect_timeout, 1.0)
        )
        self.probe_timeout = aiohttp.ClientTimeout(
            total=settings.upstream_probe_timeout, sock_connect=min(settings.connect_timeout, 1.0)
        )
        self.access_log = AccessLog()
        self.access_log.enabled = self.access_log.enabled and settings.access_log
        self.assets: dict[str, Asset] = load_assets()
        self.docs = OpenApiAggregator(
            list(SERVICES),
            self._fetch_openapi,
            self.table,
            ttl=settings.openapi_ttl_seconds,
            retry=settings.openapi_retry_seconds,
            gateway_paths=GATEWAY_PATHS,
        )

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        await self.proxy.start()
        self.access_log.start()

    async def stop(self) -> None:
        await self.access_log.stop()
        await self.proxy.stop()
        await self.limiter.close()

    async def _fetch_openapi(self, service: str) -> dict[str, Any]:
        assert self.proxy.session is not None
        error: Exception | None = None
        for base in self.proxy.replica_order(service):
            try:
                async with self.proxy.session.get(base + "/openapi.json", timeout=self.openapi_timeout) as resp:
                    resp.raise_for_status()
                    data = json.loads(await resp.read())
                    if not isinstance(data, dict):
                        raise ValueError("openapi.json is not an object")
                    return data
            except aiohttp.ClientConnectorError as exc:
                error = exc
        assert error is not None
        raise error

    # -- the hot path ----------------------------------------------------------------------------

    async def forward(self, request: web.Request) -> web.StreamResponse:
        """Forward one request; with tracing on, inside a server span that the upstream continues."""
        if not self.tracing:
            return await self._forward_logged(request)
        parent = tracing.propagate.extract(request.headers)
        with tracing.tracer.start_as_current_span(
            f"{request.method} gateway", context=parent, kind=tracing.SpanKind.SERVER
        ) as span:
            response = await self._forward_logged(request)
            route = route_var.get()
            span.update_name(f"{request.method} {route}")
            span.set_attribute("http.route", route)
            span.set_attribute("http.response.status_code", response.status)
            return response

    async def _forward_logged(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        route_var.set("unmatched")  # a keep-alive connection's requests share one context
        request_id = request_id_of(request.headers.get("X-Request-ID"))
        request_id_var.set(request_id)
        status = 500
        service = "-"
        identity: Identity | None = None
        try:
            response, service, identity = await self._forward(request, request_id)
            status = response.status
            return response
        except asyncio.CancelledError:
            status = 499  # the client went away
            raise
        except Exception:  # never a stack trace to the client
            log.exception("gateway error", extra={"path": request.path})
            return problem_response(500, "internal_error", "internal error", request.path)
        finally:
            elapsed = time.perf_counter() - started
            route = route_var.get()
            metrics.GATEWAY_REQUESTS.labels(route, request.method, str(status), service).inc()
            metrics.GATEWAY_LATENCY.labels(route).observe(elapsed)
            if self.access_log.enabled:
                self.access_log.record(
                    request_id,
                    request.method,
                    request.path,
                    status,
                    elapsed * 1000,
                    service,
                    identity.sub if identity else None,
                    identity.role if identity else None,
                    request.remote,
                    tracing.current_trace_id() if self.tracing else None,
                )

    async def authenticate(self, token: str) -> Identity:
        """Verify without I/O when the key is known; RS256 keys are fetched off the event loop.
        Internal (service-to-service) tokens are never accepted from outside."""
        try:
            identity = self.verifier.verify(token)
        except KeyNotCached:
            identity = await self.verifier.averify(token)
        if identity.is_internal:
            raise Unauthorized("internal credentials are not accepted at the gateway")
        return identity

    def _client_ip(self, request: web.Request) -> str:
        if self.settings.trust_forwarded_for:
            forwarded = request.headers.get("X-Forwarded-For")
            if forwarded:
                return forwarded.split(",", 1)[0].strip()
        return request.remote or "unknown"

    async def _forward(self, request: web.Request, request_id: str) -> tuple[web.StreamResponse, str, Identity | None]:
        path = request.path
        identity, token_error = await self._caller(request)  # no error yet: failures are rate-limited first
        limited = await self._rate_limited(request, identity)
        if limited is not None:
            return limited, "-", identity
        # where to, and may this caller go there
        match = self.table.match(request.method, path)
        if match is None or unsafe_path(request.raw_path):
            return problem_response(404, "not_found", "no such resource", path), "-", identity
        rule = match.rule
        route_var.set(rule.pattern)
        refused = access_refusal(rule.access, match.customer_id, identity, token_error, path)
        if refused is not None:
            return refused, rule.service, identity
        length, limit = request.content_length, self.settings.max_body_bytes
        if length is not None and length > limit:
            too_large = problem_response(
                413, "payload_too_large", f"request body over {limit} bytes", path, max_bytes=limit
            )
            return too_large, rule.service, identity
        return await self.proxy.proxy(request, rule.service, rule.long_running, request_id), rule.service, identity

    async def _caller(self, request: web.Request) -> tuple[Identity | None, str | None]:
        """Who is calling: (identity, None), (None, why the token was refused) or (None, None) without one."""
        token = bearer_token(request.headers.get("Authorization"))
        if token is None:
            return None, None
        try:
            return await self.authenticate(token), None
        except Problem as exc:
            return None, exc.detail

    async def _rate_limited(self, request: web.Request, identity: Identity | None) -> web.Response | None:
        """The 429 when the subject (or, without a valid token, the IP) is over its rate."""
        settings = self.settings
        if not settings.rate_limit_enabled:
            return None
        if identity is not None:
            wait = await self.limiter.hit("s:" + identity.sub, settings.token_rate, settings.token_burst)
        else:
            wait = await self.limiter.hit("ip:" + self._client_ip(request), settings.ip_rate, settings.ip_burst)
        if not wait:
            return None
        retry = retry_after_header(wait)
        return problem_response(
            429,
            "rate_limited",
            "too many requests; retry later",
            request.path,
            {"Retry-After": retry},
            retry_after_seconds=int(retry),
        )

    # -- the gateway's own endpoints -------------------------------------------------------------

    async def metrics_page(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        token = self.settings.metrics_token
        if token and not hmac.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
            return problem_response(404, "not_found", "no such resource", request.path)
        return web.Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def healthz(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        return web.json_response({"status": "ok", "service": "gateway", "pid": os.getpid()})

    async def readyz(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        assert self.proxy.session is not None
        body = await readiness(self.proxy.session, self.proxy.replicas, self.probe_timeout, self.limiter, self.settings)
        return web.json_response(body, status=200)

    async def openapi(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        body = await self.docs.document()
        return web.Response(body=body, content_type="application/json", headers={"Cache-Control": "no-cache"})

    async def error_codes(self, request: web.Request) -> web.Response:
        """The code → Chinese message table (``vipkit.error_codes``); public, cacheable."""
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        request_id = request_id_of(request.headers.get("X-Request-ID"))
        return web.Response(
            body=ERROR_CODES_BODY,
            content_type="application/json",
            headers={"Cache-Control": "public, max-age=300", "X-Request-ID": request_id},
        )

    async def docs_page(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(request)
        return web.Response(text=DOCS_HTML, content_type="text/html")

    async def docs_asset(self, request: web.Request) -> web.Response:
        asset = self.assets.get(request.match_info["name"])
        if asset is None:
            request_id_var.set(request_id_of(request.headers.get("X-Request-ID")))
            return problem_response(404, "not_found", "no such asset", request.path)
        headers = {"ETag": asset.etag, "Cache-Control": "public, max-age=3600", "Vary": "Accept-Encoding"}
        if request.headers.get("If-None-Match") == asset.etag:
            return web.Response(status=304, headers=headers)
        if asset.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            body = asset.gzipped
        else:
            body = asset.body
        headers["Content-Type"] = asset.content_type
        return web.Response(body=body, headers=headers)

    async def root(self, request: web.Request) -> web.StreamResponse:
        if request.path == "/":
            raise web.HTTPTemporaryRedirect("/docs")
        return await self.forward(request)


def access_refusal(
    access: str, customer_id: str | None, identity: Identity | None, token_error: str | None, path: str
) -> web.Response | None:
    """Whether the caller may use a route of this access level: None, or the 401/403/404 answer."""
    if access == PUBLIC:
        return None
    if identity is None:
        detail = token_error or "missing bearer token"
        return problem_response(401, "unauthorized", detail, path, {"WWW-Authenticate": "Bearer"})
    if access == OPS and not identity.is_staff:
        return problem_response(403, "forbidden", "this operation is for operations staff only", path)
    if access == CUSTOMER and not identity.can_access_customer(customer_id or ""):
        return problem_response(404, "not_found", "customer not found", path)
    return None


def _method_not_allowed(request: web.Request) -> web.Response:
    request_id_var.set(request_id_of(request.headers.get("X-Request-ID")))
    return problem_response(
        405, "method_not_allowed", f"{request.method} is not allowed here", request.path, headers={"Allow": "GET, HEAD"}
    )


def create_app(settings: GatewaySettings | None = None, common: CommonSettings | None = None) -> web.Application:
    """The aiohttp application (a factory for ``python -m gateway`` and tests)."""
    settings = settings or GatewaySettings()
    common = common or CommonSettings()
    common.check_secrets()
    configure_logging("gateway", common.log_level)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # our own access lines replace it
    gateway = Gateway(settings, common)
    app = web.Application(client_max_size=max(settings.max_body_bytes, 1024) + 1)
    app[GATEWAY_KEY] = gateway

    async def lifecycle(_app: web.Application) -> AsyncIterator[None]:
        await gateway.start()
        log.info(
            "gateway started",
            extra={
                "upstreams": gateway.proxy.replicas,
                "test_clock": common.test_clock,
                "rate_limits": "redis" if settings.redis_url else "memory",
            },
        )
        yield
        await gateway.stop()

    app.cleanup_ctx.append(lifecycle)

    async def request_id_header(request: web.Request, response: web.StreamResponse) -> None:
        """The gateway's own answers (health, docs, error codes) carry X-Request-ID like forwarded ones."""
        if "X-Request-ID" not in response.headers:
            given = request.headers.get("X-Request-ID")
            response.headers["X-Request-ID"] = request_id_var.get() or request_id_of(given)

    app.on_response_prepare.append(request_id_header)
    router = app.router
    router.add_route("*", "/healthz", gateway.healthz)
    router.add_route("*", "/readyz", gateway.readyz)
    router.add_route("*", "/metrics", gateway.metrics_page)
    router.add_route("*", "/openapi.json", gateway.openapi)
    router.add_route("*", "/api/v1/error-codes", gateway.error_codes)
    router.add_route("*", "/docs", gateway.docs_page)
    router.add_route("GET", "/docs/static/{name}", gateway.docs_asset)
    router.add_route("*", "/{tail:.*}", gateway.root)
    return app
