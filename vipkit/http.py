"""Service-to-service HTTP: httpx with the test clock and request id propagated (SPEC 7.3).

``sniffio`` is a declared dependency: httpcore re-imports it on every request otherwise.
"""

from __future__ import annotations

import time

import httpx

from vipkit import clock
from vipkit.auth import mint_token
from vipkit.logging import request_id_var
from vipkit.settings import CommonSettings
from vipkit.tracing import instrument_httpx


class InternalClient:
    """A pooled client for calling another service, authenticated as this service."""

    def __init__(self, base_url: str, settings: CommonSettings, *, service: str, timeout: float = 5.0) -> None:
        self.settings = settings
        self.service = service
        self._token = ""
        self._token_exp = 0.0
        self.client = httpx.AsyncClient(
            base_url=base_url,
            timeout=timeout,
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
            event_hooks={"request": [self._decorate]},
        )
        instrument_httpx(self.client)

    def _service_token(self) -> str:
        if time.time() > self._token_exp - 60:
            self._token = mint_token(self.service, "service", secret=self.settings.jwt_secret, ttl_seconds=3600)
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
