"""The gateway in front of the real services (each on its own port and fresh database).

SPEC 7: customers may only touch their own ``customer_id`` (others → 404, not 403); ops-only
operations refuse customers (403); protected operations need a token (401). The authorization
matrix is driven by the merged OpenAPI document, so it grows with the services' endpoints, plus the
endpoint table of SPEC 7 itself (the gateway answers those before any service does).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
import pytest_asyncio

from gateway.routing import RouteTable
from gateway.settings import SERVICES
from gateway.tests.conftest import bearer, client
from gateway.tests.spec_table import C_OWNER, SPEC_ENDPOINTS

pytestmark = pytest.mark.asyncio(loop_scope="module")

TABLE = RouteTable()
METHODS = ("get", "put", "post", "delete", "patch")
CUSTOMER_PATH = re.compile(r"^/api/v1/customers/\{[^}]+\}/")


def fill(path: str, customer_id: str) -> str:
    """A concrete path for an operation's template: the customer id, plausible values elsewhere."""

    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "customer_id":
            return customer_id
        if name in ("date", "day"):
            return "2026-10-08"
        if name == "year":
            return "2026"
        return f"x{uuid.uuid4().hex[:8]}"

    return re.sub(r"\{([^}]+)\}", value, path)


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def merged(gateway_url: str) -> dict[str, Any]:
    async with client(gateway_url) as c:
        resp = await c.get("/openapi.json")
        assert resp.status_code == 200
        return dict(resp.json())


async def test_healthz_and_readyz_cover_every_upstream(gateway_url: str) -> None:
    async with client(gateway_url) as c:
        health = (await c.get("/healthz")).json()
        assert (health["status"], health["service"], type(health["pid"])) == ("ok", "gateway", int)
        ready = await c.get("/readyz")
        assert ready.status_code == 200, ready.text
        body = ready.json()
        assert body["status"] == "ready"
        assert set(body["upstreams"]) == set(SERVICES)
        assert all(u["status"] == "ready" and u["checks"]["database"] == "ok" for u in body["upstreams"].values())


async def test_openapi_merges_every_service(merged: dict[str, Any]) -> None:
    assert "x-upstreams-unavailable" not in merged["info"]
    ops = operations(merged)
    by_service = {s: [o for o in ops if o[2].get("x-service") == s] for s in SERVICES}
    for service, service_ops in by_service.items():
        assert service_ops, f"no operation of {service} in the merged document"
        for method, path, op in service_ops:
            match = TABLE.match(method, path)
            assert match is not None and match.rule.service == service, f"{method} {path}"
            assert op["x-gateway-access"] == match.rule.access
    assert merged["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert "Problem" in merged["components"]["schemas"]
    # every $ref resolves inside the merged document
    text = str(merged)
    for section, name in set(re.findall(r"#/components/(\w+)/([\w.\-]+)", text)):
        assert name in merged["components"].get(section, {}), f"dangling $ref {section}/{name}"


async def test_authorization_matrix_over_the_merged_document(gateway_url: str, merged: dict[str, Any]) -> None:
    """For every operation: no token → 401 (unless public); customer B on A's customer-scoped resource
    → 404; a customer on an ops-only operation → 403; the owner is let through to the service."""
    a, b = f"C{uuid.uuid4().hex[:10]}", f"C{uuid.uuid4().hex[:10]}"
    checked = {"401": 0, "404": 0, "403": 0}
    failures: list[str] = []
    async with client(gateway_url) as c:
        for method, template, op in operations(merged):
            access = op["x-gateway-access"]
            path = fill(template, a)
            if access != "public":
                resp = await c.request(method, path)
                checked["401"] += 1
                if resp.status_code != 401 or resp.json().get("code") != "unauthorized":
                    failures.append(f"no token {method} {template}: {resp.status_code}")
            if CUSTOMER_PATH.match(template):
                assert access == "customer", f"{method} {template} is customer-scoped but {access}"
                resp = await c.request(method, path, headers=bearer(b))
                checked["404"] += 1
                if resp.status_code != 404 or resp.json().get("code") != "not_found":
                    failures.append(f"B on A {method} {template}: {resp.status_code}")
                resp = await c.request(method, path, headers=bearer(a))
                if resp.status_code in (401, 403, 502, 503, 504):
                    failures.append(f"owner {method} {template}: {resp.status_code}")
                resp = await c.request(method, path, headers=bearer("ops1", "ops"))
                if resp.status_code in (401, 403, 502, 503, 504):
                    failures.append(f"ops {method} {template}: {resp.status_code}")
            if access == "ops":
                resp = await c.request(method, path, headers=bearer(a))
                checked["403"] += 1
                if resp.status_code != 403 or resp.json().get("code") != "forbidden":
                    failures.append(f"customer on ops {method} {template}: {resp.status_code}")
    assert not failures, "\n".join(failures)
    assert all(checked.values()), checked


@pytest.mark.parametrize(("method", "template", "access"), SPEC_ENDPOINTS)
async def test_authorization_matrix_over_the_spec_table(
    gateway_url: str, method: str, template: str, access: str
) -> None:
    a, b = f"C{uuid.uuid4().hex[:10]}", f"C{uuid.uuid4().hex[:10]}"
    path = template.replace(C_OWNER, a)
    async with client(gateway_url) as c:
        if access != "public":
            resp = await c.request(method, path)
            assert resp.status_code == 401 and resp.headers["WWW-Authenticate"] == "Bearer"
        if access == "customer":
            assert (await c.request(method, path, headers=bearer(b))).json()["code"] == "not_found"
        if access == "ops":
            resp = await c.request(method, path, headers=bearer(a))
            assert resp.status_code == 403 and resp.json()["code"] == "forbidden"
        if access == "public":
            resp = await c.request(method, path)
            assert resp.status_code not in (401, 403, 502, 503, 504), resp.text


async def test_gateway_is_not_stricter_than_the_services(
    services_stack: dict[str, str], merged: dict[str, Any]
) -> None:
    """Every operation the gateway protects is also protected by its service (the service answers 401
    without a token): the gateway never locks out what a service means to be public."""
    too_strict: list[str] = []
    for method, template, op in operations(merged):
        if op["x-gateway-access"] == "public":
            continue
        service = op["x-service"]
        async with httpx.AsyncClient(base_url=services_stack[service], timeout=30) as direct:
            resp = await direct.request(method, fill(template, "C1001"))
        if resp.status_code != 401:
            too_strict.append(f"{service}: {method} {template} answers {resp.status_code} without a token")
    assert not too_strict, "\n".join(too_strict)


async def test_invalid_and_expired_tokens_are_401(gateway_url: str) -> None:
    import time

    import jwt

    from vipkit.testing import TEST_JWT_SECRET

    expired = jwt.encode({"sub": "C1001", "role": "customer", "exp": int(time.time()) - 10}, TEST_JWT_SECRET, "HS256")
    forged = jwt.encode(
        {"sub": "C1001", "role": "ops", "exp": int(time.time()) + 60},
        "not-the-secret-but-long-enough-for-hs256-0000",
        "HS256",
    )
    async with client(gateway_url) as c:
        for value in (f"Bearer {expired}", f"Bearer {forged}", "Bearer garbage", "Basic dXNlcjpwYXNz"):
            resp = await c.get("/api/v1/customers/C1001/tier", headers={"Authorization": value})
            assert resp.status_code == 401 and resp.json()["code"] == "unauthorized", value


async def test_owner_reaches_the_real_service(gateway_url: str) -> None:
    a = f"C{uuid.uuid4().hex[:10]}"
    async with client(gateway_url) as c:
        resp = await c.get(f"/api/v1/customers/{a}/entitlements", headers={**bearer(a), "X-Request-ID": "rid-e2e"})
        assert resp.status_code not in (401, 403, 502, 503, 504), resp.text
        assert resp.headers["X-Request-ID"] == "rid-e2e"
        clinics = await c.get("/api/v1/clinics")  # public, no token
        assert clinics.status_code == 200, clinics.text
        days = await c.get("/api/v1/calendar/working-days", params={"from": "2026-10-01", "to": "2026-10-09"})
        assert days.status_code == 200, days.text


async def test_body_over_one_mib_is_413_before_the_service(gateway_url: str) -> None:
    async with client(gateway_url) as c:
        resp = await c.post("/api/v1/bookings", content=b"{" + b" " * (1024 * 1024) + b"}", headers=bearer("C1001"))
        assert resp.status_code == 413 and resp.json()["code"] == "payload_too_large"


async def test_docs_page_and_assets_are_served_locally(gateway_url: str) -> None:
    async with client(gateway_url) as c:
        page = await c.get("/docs")
        assert page.status_code == 200 and "/docs/static/swagger-ui-bundle.js" in page.text
        assert "http" not in re.sub(r"<!DOCTYPE[^>]*>", "", page.text).split("<body>")[1]  # no external URL
        for name in ("swagger-ui-bundle.js", "swagger-ui.css", "init.js"):
            asset = await c.get(f"/docs/static/{name}")
            assert asset.status_code == 200 and len(asset.content) > 100
            etag = asset.headers["ETag"]
            assert (await c.get(f"/docs/static/{name}", headers={"If-None-Match": etag})).status_code == 304
        assert (await c.get("/docs/static/../settings.py")).status_code == 404
