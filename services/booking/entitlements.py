"""The entitlements service over HTTP (docs/internal-apis.md): catalog (cached) and reservations.

Errors from entitlements are turned into this service's problems with the same SPEC codes, so the
customer sees ``quota_exhausted`` / ``not_entitled`` exactly as entitlements said it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import httpx

from vipkit.http import InternalClient
from vipkit.problems import NotEntitled, Problem, QuotaExhausted, ServiceUnavailable
from vipkit.settings import CommonSettings

log = logging.getLogger("booking.entitlements")

__all__ = ["EntitlementsClient", "EntitlementsUnavailable", "NotEntitled", "QuotaExhausted"]


class EntitlementsUnavailable(ServiceUnavailable):
    """Entitlements could not be reached: whether a unit was reserved is unknown (the sweeper checks)."""


class EntitlementsClient:
    def __init__(
        self, base_url: str, settings: CommonSettings, *, cache_seconds: float = 60.0, timeout: float = 5.0
    ) -> None:
        self.http = InternalClient(base_url, settings, service="booking", timeout=timeout)
        self.cache_seconds = cache_seconds
        self._catalog: dict[str, Any] | None = None
        self._catalog_at = 0.0

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return await self.http.client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            log.warning("entitlements call failed", extra={"path": path, "error": repr(exc)})
            raise EntitlementsUnavailable(f"entitlements service unreachable: {exc.__class__.__name__}") from exc

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        if response.status_code < 400:
            return
        try:
            body = response.json()
        except ValueError:
            body = {}
        detail = str(body.get("detail") or f"entitlements answered {response.status_code}")
        code = body.get("code")
        if code == "quota_exhausted":
            raise QuotaExhausted(detail, remaining=body.get("remaining", 0))
        if code == "not_entitled":
            raise NotEntitled(detail)
        if response.status_code == 404:
            raise Problem(detail, status=404, code="not_found")
        if code == "illegal_transition":
            raise Problem(detail, status=409, code="illegal_transition")
        if response.status_code == 422:
            raise Problem(detail, status=422, code="validation_error")
        raise EntitlementsUnavailable(f"entitlements answered {response.status_code}: {detail}")

    # --- catalog ---------------------------------------------------------------------------------
    async def catalog(self) -> dict[str, Any]:
        now = time.monotonic()
        if self._catalog is not None and now - self._catalog_at < self.cache_seconds:
            return self._catalog
        response = await self._call("GET", "/api/v1/catalog")
        self._raise_for(response)
        self._catalog = response.json()
        self._catalog_at = now
        return self._catalog

    async def service(self, service_code: str) -> dict[str, Any] | None:
        catalog = await self.catalog()
        for entry in catalog.get("services", []):
            if entry.get("service_code") == service_code:
                return dict(entry)
        return None

    # --- reservations ------------------------------------------------------------------------------
    async def reserve(
        self, *, idempotency_key: str, customer_id: str, service_code: str, beneficiary_id: str | None, reference: str
    ) -> dict[str, Any]:
        response = await self._call(
            "POST",
            "/api/v1/reservations",
            headers={"Idempotency-Key": idempotency_key},
            json={
                "customer_id": customer_id,
                "service_code": service_code,
                "beneficiary_id": beneficiary_id,
                "reference": reference,
            },
        )
        self._raise_for(response)
        return dict(response.json())

    async def consume(self, reservation_id: str, reason: str) -> dict[str, Any]:
        response = await self._call("POST", f"/api/v1/reservations/{reservation_id}/consume", json={"reason": reason})
        self._raise_for(response)
        return dict(response.json())

    async def release(self, reservation_id: str, reason: str) -> dict[str, Any]:
        response = await self._call("POST", f"/api/v1/reservations/{reservation_id}/release", json={"reason": reason})
        self._raise_for(response)
        return dict(response.json())

    async def reservations_for(self, reference: str) -> list[dict[str, Any]]:
        response = await self._call("GET", "/api/v1/reservations", params={"reference": reference})
        self._raise_for(response)
        body = response.json()
        items = body.get("items", body) if isinstance(body, dict) else body
        return [dict(i) for i in items]
