"""Service-to-service HTTP: httpx with the test clock and request id propagated (SPEC 7.3).

Calls carry this service's internal token (``vipkit.auth.mint_internal_token``), never a customer
credential. ``base_url`` may list several replicas, comma-separated: each request starts at the
next replica in turn and moves on when one refuses the connection (nothing was sent, so this is
safe for every method). Behind a Kubernetes Service give one URL.

``sniffio`` is a declared dependency: httpcore re-imports it on every request otherwise.
"""

from __future__ import annotations

import functools
import itertools
import os
import ssl
import threading
import time
from typing import Any

import httpx

from vipkit import clock
from vipkit.auth import mint_internal_token
from vipkit.logging import request_id_var
from vipkit.settings import CommonSettings
from vipkit.tracing import instrument_httpx


class CaOnFirstUseContext(ssl.SSLContext):
    """httpx's default verification (certifi's CA bundle, or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``), with
    the CA certificates loaded at the first TLS handshake instead of at start-up: loading the bundle
    costs ~1.6 MB, and a service whose clients only speak plain HTTP inside the cluster (entitlements
    → tiering) never needs it (issue 17, idle RSS). Certificate and host name checks are on from the
    start, so a handshake can never pass unverified: with no CA loaded it would fail, not succeed.

    Every TLS client handshake goes through ``wrap_bio`` (asyncio, uvloop, anyio) or ``wrap_socket``
    (blocking sockets); anyio calls ``wrap_bio`` of a subclass in a worker thread, hence the lock."""

    def __new__(cls) -> CaOnFirstUseContext:
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED, check_hostname

    def __init__(self) -> None:
        super().__init__()
        self.load_lock = threading.Lock()
        self.ca_loaded = False

    def load_ca_once(self) -> None:
        with self.load_lock:
            if self.ca_loaded:
                return
            if os.environ.get("SSL_CERT_FILE"):  # as httpx.create_ssl_context(trust_env=True)
                self.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
            elif os.environ.get("SSL_CERT_DIR"):
                self.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
            else:
                import certifi

                self.load_verify_locations(cafile=certifi.where())
            self.ca_loaded = True

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self.load_ca_once()
        return super().wrap_bio(*args, **kwargs)

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self.load_ca_once()
        return super().wrap_socket(*args, **kwargs)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The process's one TLS context for every HTTP client (``verify=tls_context()``): httpx builds
    one per client otherwise, loading certifi's CA bundle each time (~0.8 MB each; issue 17, idle
    RSS), and this one loads it only at the first TLS handshake (``CaOnFirstUseContext``). Every
    client of ours speaks HTTP/1.1, so the ALPN list httpcore sets on it per connection is the same
    for all."""
    return CaOnFirstUseContext()


class FailoverTransport(httpx.AsyncBaseTransport):
    """Sends each request to the next replica in turn; skips replicas that refuse connections."""

    def __init__(self, replicas: list[httpx.URL], inner: httpx.AsyncBaseTransport) -> None:
        self.replicas = replicas
        self.inner = inner
        self._turn = itertools.count()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = next(self._turn) % len(self.replicas)
        order = self.replicas[start:] + self.replicas[:start]
        for i, replica in enumerate(order):
            request.url = request.url.copy_with(scheme=replica.scheme, host=replica.host, port=replica.port)
            request.headers["Host"] = replica.netloc.decode("ascii")
            try:
                return await self.inner.handle_async_request(request)
            except httpx.ConnectError:
                if i == len(order) - 1:
                    raise
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        await self.inner.aclose()


class InternalClient:
    """A pooled client for calling another service, authenticated as this service."""

    def __init__(self, base_url: str, settings: CommonSettings, *, service: str, timeout: float = 5.0) -> None:
        self.settings = settings
        self.service = service
        self._token = ""
        self._token_exp = 0.0
        replicas = [httpx.URL(u.strip()) for u in base_url.split(",") if u.strip()]
        limits = httpx.Limits(max_connections=50, max_keepalive_connections=20)
        transport: httpx.AsyncBaseTransport = httpx.AsyncHTTPTransport(limits=limits, verify=tls_context())
        if len(replicas) > 1:
            transport = FailoverTransport(replicas, transport)
        self.client = httpx.AsyncClient(
            base_url=str(replicas[0]) if replicas else base_url,
            timeout=timeout,
            transport=transport,
            event_hooks={"request": [self._decorate]},
        )
        instrument_httpx(self.client)

    def _service_token(self) -> str:
        if time.time() > self._token_exp - 60:
            self._token = mint_internal_token(self.service, self.settings, ttl_seconds=3600)
            self._token_exp = time.time() + 3600
        return self._token

    async def _decorate(self, request: httpx.Request) -> None:
        request.headers.setdefault("Authorization", f"Bearer {self._service_token()}")
        override = clock.override_value()
        if override is not None:
            request.headers[clock.TEST_NOW_HEADER] = override.isoformat()
        request_id = request_id_var.get()
        if request_id:
            request.headers["X-Request-ID"] = request_id

    async def aclose(self) -> None:
        await self.client.aclose()
