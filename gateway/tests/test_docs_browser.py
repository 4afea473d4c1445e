"""``/docs`` in a real Chromium (Playwright): Swagger UI, every asset from the gateway itself, the
operations of every service listed (SPEC 7: one merged OpenAPI document for all services), the outbound
webhooks listed, and an opened operation showing its documented example and problem codes.

Screenshot: ``test-artifacts/gateway/docs.png``. Skipped with a reason only when ``/usr/bin/chromium``
is absent outside CI; under ``CI=true`` its absence fails.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import pytest_asyncio

from gateway.settings import SERVICES
from gateway.tests.conftest import client, run_gateway
from vipkit.testing import CHROMIUM_ARGS, require_chromium, wait_for

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "gateway"

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]


@pytest.fixture(scope="module")
def chromium() -> Path:
    return Path(require_chromium())


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def docs_gateway(chromium: Path, services_stack: dict[str, str]) -> AsyncIterator[str]:
    async with run_gateway(services_stack, rate_limit_enabled=False) as (url, _):
        yield url


async def test_docs_page_lists_the_operations_of_every_service(docs_gateway: str, chromium: Path) -> None:
    from playwright.async_api import async_playwright

    async with client(docs_gateway) as c:

        async def complete_document() -> dict[str, Any] | None:
            found: dict[str, Any] = (await c.get("/openapi.json")).json()
            return None if "x-upstreams-unavailable" in found["info"] else found

        # an upstream that was slow to answer is fetched again after openapi_retry_seconds
        doc = await wait_for(complete_document, timeout=60, interval=0.5, what="every service documented")
    expected: set[tuple[str, str]] = set()
    services: set[str] = set()
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op and op.get("x-service") in SERVICES:
                expected.add((method.upper(), path))
                services.add(op["x-service"])
    assert services == set(SERVICES), services
    assert set(doc["webhooks"]) == {"bookingRequested", "bookingCancelled"}

    gateway_host = urlparse(docs_gateway).netloc
    foreign: list[str] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "request",
                lambda r: (
                    foreign.append(r.url)
                    if urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != gateway_host
                    else None
                ),
            )
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            await page.goto(f"{docs_gateway}/docs", wait_until="networkidle")
            await page.wait_for_selector(".opblock", timeout=30_000)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            assert await page.locator(".info .title").inner_text() != ""
            shown = set()
            blocks = page.locator("#swagger-ui .opblock")
            for i in range(await blocks.count()):
                block = blocks.nth(i)
                method = (await block.locator(".opblock-summary-method").inner_text()).strip().upper()
                path = (await block.locator(".opblock-summary-path").get_attribute("data-path")) or ""
                shown.add((method, path))
            assert expected <= shown, f"missing {sorted(expected - shown)}"
            # the outbound partner webhooks are listed (OpenAPI 3.1 `webhooks`)
            webhooks = page.locator(".webhooks")
            assert await webhooks.count() == 1
            assert "bookingRequested" in await webhooks.inner_text()
            # open createBooking: its documented example is shown
            booking = page.locator("[id$='-createBooking']").first
            await booking.locator(".opblock-summary").click()
            await booking.locator(".body-param__example, .highlight-code").first.wait_for(timeout=30_000)
            body_text = await booking.inner_text()
            assert "meinian-sh-jingan" in body_text and "quota_exhausted" in body_text
            await booking.screenshot(path=str(ARTIFACTS / "docs-create-booking.png"))
            assert not errors, errors
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)
        finally:
            await browser.close()
    assert not foreign, f"requests outside the gateway (CDN?): {foreign}"
