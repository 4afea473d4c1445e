"""Forwarding one request to its service and its answer back (the gateway's hot path after routing
and access checks): hop-by-hop headers dropped, ``X-Request-ID``/``X-Forwarded-*`` set, the test
clock header only when enabled, the body streamed under the size limit, one retry of an idempotent
request on a pooled connection the service had just closed, problem+json for 502/504/413."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web
from multidict import CIMultiDict
from yarl import URL

from gateway.settings import GatewaySettings
from vipkit import metrics, tracing
from vipkit.clock import TEST_NOW_HEADER
from vipkit.problems import PROBLEM_CONTENT_TYPE, Problem

log = logging.getLogger("gateway")

# Never forwarded in either direction (RFC 9110 7.6.1), plus what the gateway sets itself.
_HOP_BY_HOP_REQUEST = (
    "Connection",
    "Keep-Alive",
    "Proxy-Authorization",
    "Proxy-Connection",
    "TE",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Expect",
    "Host",
    "X-Request-ID",
    "X-Forwarded-Host",
    "X-Forwarded-Proto",
)
_HOP_BY_HOP_RESPONSE = (
    "Connection",
    "Keep-Alive",
    "Proxy-Authenticate",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Content-Length",
    "X-Request-ID",
)
_SMALL_BODY = 64 * 1024
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_NO_BODY_STATUS = frozenset({204, 304})


class BodyTooLarge(Exception):
    pass


def problem_response(
    status: int,
    code: str,
    detail: str,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> web.Response:
    """A ``vipkit.problems``-compatible problem+json response."""
    body = Problem(detail, status=status, code=code, **extra).to_dict(instance)
    response = web.Response(
        body=json.dumps(body, ensure_ascii=False).encode(), status=status, content_type=PROBLEM_CONTENT_TYPE
    )
    if headers:
        response.headers.update(headers)
    return response


def request_id_of(raw: str | None) -> str:
    """The client's ``X-Request-ID`` when it is sane, else a fresh one."""
    if raw and len(raw) <= 128 and raw.isprintable():
        return raw
    return os.urandom(16).hex()


class Proxy:
    """The upstream pool and the forwarding of one request (``session`` is opened by ``start``)."""

    def __init__(self, settings: GatewaySettings, *, forward_test_clock: bool, tracing_on: bool) -> None:
        self.settings = settings
        self.replicas = settings.upstreams()
        self.upstreams = {name: urls[0] for name, urls in self.replicas.items()}
        self._next_replica = dict.fromkeys(self.replicas, 0)
        self.forward_test_clock = forward_test_clock
        self.tracing = tracing_on
        self.timeouts = {
            False: aiohttp.ClientTimeout(total=settings.default_timeout, sock_connect=settings.connect_timeout),
            True: aiohttp.ClientTimeout(total=settings.long_timeout, sock_connect=settings.connect_timeout),
        }
        self.session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        connector = aiohttp.TCPConnector(
            limit=self.settings.pool_limit,
            limit_per_host=self.settings.pool_limit_per_host,
            keepalive_timeout=self.settings.keepalive_seconds,
            ttl_dns_cache=300,
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            skip_auto_headers=("Accept", "Accept-Encoding", "User-Agent", "Content-Type"),
            cookie_jar=aiohttp.DummyCookieJar(),
        )

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.close()

    def upstream_headers(self, request: web.Request, request_id: str) -> CIMultiDict[str]:
        headers = CIMultiDict(request.headers)
        connection = headers.get("Connection")
        if connection:
            for name in connection.split(","):  # headers the client marked hop-by-hop
                name = name.strip()
                if name and name.lower() not in ("keep-alive", "close"):
                    headers.popall(name, None)
        for name in _HOP_BY_HOP_REQUEST:
            if name in headers:
                del headers[name]
        if not self.forward_test_clock and TEST_NOW_HEADER in headers:
            del headers[TEST_NOW_HEADER]
        headers["X-Request-ID"] = request_id
        if self.tracing:
            tracing.propagate.inject(headers)
        remote = request.remote or ""
        prior = headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{prior}, {remote}" if prior and self.settings.trust_forwarded_for else remote
        headers["X-Forwarded-Proto"] = request.scheme
        if request.host:
            headers["X-Forwarded-Host"] = request.host
        return headers

    async def limited_body(self, request: web.Request, state: dict[str, bool]) -> AsyncIterator[bytes]:
        limit = self.settings.max_body_bytes
        total = 0
        async for chunk in request.content.iter_any():
            total += len(chunk)
            if total > limit:
                state["too_large"] = True
                raise BodyTooLarge
            yield chunk

    async def proxy(
        self, request: web.Request, service: str, long_running: bool, request_id: str
    ) -> web.StreamResponse:
        state = {"too_large": False}
        body = await self.request_body(request, state)
        sent = await self.send(request, service, long_running, request_id, body, state)
        if isinstance(sent, web.Response):
            return sent
        try:
            return await self.relay_response(request, sent, request_id, service)
        finally:
            sent.release()

    async def request_body(self, request: web.Request, state: dict[str, bool]) -> Any:
        """Small bodies read at once (an idempotent request can then be retried); others streamed."""
        if not request.body_exists:
            return None
        length = request.content_length
        if length is not None and length <= _SMALL_BODY:
            return await request.read()
        return self.limited_body(request, state)

    async def send(
        self,
        request: web.Request,
        service: str,
        long_running: bool,
        request_id: str,
        body: Any,
        state: dict[str, bool],
    ) -> aiohttp.ClientResponse | web.Response:
        """The upstream's response, or the problem response that replaces it (413, 502, 503, 504)."""
        assert self.session is not None
        path = request.path
        headers = self.upstream_headers(request, request_id)
        retryable = request.method in _IDEMPOTENT and (body is None or isinstance(body, bytes))
        replicas = self.replica_order(service)
        replica = 0
        attempt = 0
        while True:
            url = URL(replicas[replica] + request.raw_path, encoded=True)
            try:
                return await self.session.request(
                    request.method,
                    url,
                    headers=headers,
                    data=body,
                    allow_redirects=False,
                    timeout=self.timeouts[long_running],
                )
            except aiohttp.ClientConnectorError as exc:
                # Nothing was sent: try the next replica; when none accepts, only this service's
                # routes answer 503 (the gateway itself stays ready).
                replica += 1
                if replica < len(replicas):
                    continue
                return self.unavailable(service, path, exc)
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
                # A pooled keep-alive socket the service had just closed: retry idempotent requests once.
                if attempt == 0 and retryable and not state["too_large"]:
                    attempt += 1
                    continue
                return self.failure(exc, service, path, state)
            except (TimeoutError, BodyTooLarge, aiohttp.ClientError) as exc:
                return self.failure(exc, service, path, state)

    def failure(self, exc: BaseException, service: str, path: str, state: dict[str, bool]) -> web.Response:
        """The problem response for a request the upstream did not answer: 504, 413 or 502."""
        if isinstance(exc, TimeoutError):
            return self.gateway_timeout(service, path)
        if isinstance(exc, BodyTooLarge) or state["too_large"]:
            return self.too_large(path)
        return self.bad_gateway(service, path, exc)

    def too_large(self, path: str) -> web.Response:
        limit = self.settings.max_body_bytes
        return problem_response(413, "payload_too_large", f"request body over {limit} bytes", path, max_bytes=limit)

    def gateway_timeout(self, service: str, path: str) -> web.Response:
        metrics.GATEWAY_UPSTREAM_ERRORS.labels(service, "timeout").inc()
        return problem_response(504, "gateway_timeout", f"the {service} service did not answer in time", path)

    def replica_order(self, service: str) -> list[str]:
        """The service's replicas (``VIP_GATEWAY_<SERVICE>_URL``, comma-separated), starting with the
        next one in turn (round robin); a connection refused moves on to the next one."""
        replicas = self.replicas[service]
        if len(replicas) == 1:
            return replicas
        start = self._next_replica[service] % len(replicas)
        self._next_replica[service] = start + 1
        return replicas[start:] + replicas[:start]

    def unavailable(self, service: str, path: str, exc: BaseException) -> web.Response:
        metrics.GATEWAY_UPSTREAM_ERRORS.labels(service, "connect").inc()
        log.warning("upstream unavailable", extra={"upstream": service, "error": repr(exc)})
        return problem_response(
            503,
            "service_unavailable",
            f"the {service} service is unavailable; retry later",
            path,
            {"Retry-After": "5"},
            service=service,
        )

    def bad_gateway(self, service: str, path: str, exc: BaseException) -> web.Response:
        metrics.GATEWAY_UPSTREAM_ERRORS.labels(service, "connect").inc()
        log.warning("upstream unreachable", extra={"upstream": service, "error": repr(exc)})
        return problem_response(502, "bad_gateway", f"the {service} service cannot be reached", path)

    async def relay_response(
        self, request: web.Request, upstream: aiohttp.ClientResponse, request_id: str, service: str
    ) -> web.StreamResponse:
        headers = CIMultiDict(upstream.headers)
        for name in _HOP_BY_HOP_RESPONSE:
            if name in headers:
                del headers[name]
        headers["X-Request-ID"] = request_id
        status = upstream.status
        length = upstream.content_length
        if status in _NO_BODY_STATUS or request.method == "HEAD":
            await upstream.read()
            return web.Response(status=status, headers=headers)
        try:
            if length is not None and length <= self.settings.buffer_response_bytes:
                body = await upstream.read()
                return web.Response(status=status, headers=headers, body=body)
        except TimeoutError:
            return self.gateway_timeout(service, request.path)
        except aiohttp.ClientError as exc:
            return self.bad_gateway(service, request.path, exc)
        return await self.stream_through(request, upstream, headers, service)

    async def stream_through(
        self, request: web.Request, upstream: aiohttp.ClientResponse, headers: CIMultiDict[str], service: str
    ) -> web.StreamResponse:
        """Large or unknown length (chunked, server-sent events): stream it through."""
        status, length = upstream.status, upstream.content_length
        stream = web.StreamResponse(status=status, headers=headers)
        if length is not None:
            stream.content_length = length
        await stream.prepare(request)
        try:
            async for chunk in upstream.content.iter_any():
                await stream.write(chunk)
        except (TimeoutError, aiohttp.ClientError) as exc:
            # Too late for a problem response: cut the connection so the client sees a broken body.
            metrics.GATEWAY_UPSTREAM_ERRORS.labels(service, "mid_response").inc()
            log.warning("upstream failed mid-response", extra={"upstream": service, "error": repr(exc)})
            if request.transport is not None:
                request.transport.close()
            return stream
        await stream.write_eof()
        return stream
