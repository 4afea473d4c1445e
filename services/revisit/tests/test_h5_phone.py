"""The H5 page survives a phone (SPEC 5): a real Chromium at 375 px with Playwright's network
throttling and offline emulation, a reload of the webview, no JavaScript, and axe-core on every step.

Screenshots go to ``test-artifacts/revisit/``; the axe result of each step is printed. axe-core comes
from ``tests/browser`` (``npm ci`` there, run by ``make test``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.revisit.consumers import consumer_specs
from services.revisit.main import MIGRATIONS_DIR, create_app
from services.revisit.settings import RevisitSettings
from services.revisit.tests.test_browser import Served
from vipkit.broker import free_port
from vipkit.consumer import ConsumerRunner
from vipkit.settings import CommonSettings
from vipkit.testing import CHROMIUM, CHROMIUM_ARGS, TEST_JWT_SECRET, DatabaseFactory, in_ci, require_chromium, serve_app

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts" / "revisit"
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
MIN_SECONDS = 8  # the slow-network attempt already opened the session: time is left for the checks
TIMEOUT_MS = 1500
NETWORK_ERROR = "网络连接不稳定"

pytestmark = pytest.mark.browser


@pytest.fixture
async def site(db_factory: DatabaseFactory) -> AsyncIterator[Served]:
    require_chromium()
    if not AXE.exists():
        if in_ci():
            pytest.fail(f"CI=true but {AXE} is missing (make test runs npm ci in tests/browser)")
        pytest.skip(f"{AXE} is missing: run `make test` (npm ci in tests/browser)")
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = RevisitSettings(
        database_url=url, min_answer_seconds=MIN_SECONDS, public_base_url=base, h5_request_timeout_ms=TIMEOUT_MS
    )
    common = CommonSettings(
        env="test", jwt_secret=TEST_JWT_SECRET, test_clock=True, scheduler="off", kafka_enabled=False
    )
    app = create_app(settings, common)
    async with serve_app(app, port=port) as served, httpx.AsyncClient(base_url=served, timeout=10) as http:
        yield Served(base, http, ConsumerRunner(consumer_specs(settings)[0], app.state.db, common, service="revisit"))
    db_factory.drop(url)


async def new_link(site: Served) -> str:
    return await site.new_link()


async def browser_context(pw: Any, **extra: Any) -> tuple[Any, Any]:
    browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    context = await browser.new_context(
        viewport={"width": 375, "height": 812},
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0",
        **extra,
    )
    return browser, context


async def axe_check(page: Any, step: str) -> None:
    """axe-core on the current step: no serious or critical violation (the result is printed)."""
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
    print(f"axe {step}: {len(result['passes'])} rules passed, violations: {json.dumps(violations, ensure_ascii=False)}")
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], f"axe found serious/critical violations on {step}: {bad}"


async def pass_identity(page: Any) -> None:
    await page.fill("#id-last6", "011234")
    await page.fill("#birth-date", "1990-01-01")
    await page.click("#identity-submit")


async def test_the_h5_page_survives_a_phone_slow_network_offline_reload_and_screen_readers(site: Any) -> None:
    from playwright.async_api import async_playwright, expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    url = await new_link(site)
    async with async_playwright() as pw:
        browser, context = await browser_context(pw, bypass_csp=True)  # axe is injected as a script
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        await page.goto(url)
        html = await page.content()
        assert "/r/static/revisit.js?v=" in html and "/r/static/revisit.css?v=" in html  # versioned assets
        assert 'method="post"' in html
        await page.screenshot(path=str(ARTIFACTS / "phone-01-identity.png"), full_page=True)
        await axe_check(page, "identity")

        # a slow network (3 s latency, throttled): the request times out, a Chinese message, the button is back
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
        slow = {"offline": False, "latency": 3000, "downloadThroughput": 50_000, "uploadThroughput": 20_000}
        await cdp.send("Network.emulateNetworkConditions", slow)
        await pass_identity(page)
        await expect(page.locator("#identity-error")).to_contain_text(NETWORK_ERROR, timeout=TIMEOUT_MS + 4000)
        await expect(page.locator("#identity-submit")).to_be_enabled()
        await page.screenshot(path=str(ARTIFACTS / "phone-02-identity-timeout.png"), full_page=True)
        fast = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
        await cdp.send("Network.emulateNetworkConditions", fast)
        await page.click("#identity-submit")  # retry
        await expect(page.locator("#step-questions")).to_be_visible()
        assert await page.evaluate("document.activeElement.id") == "questions-title"  # focus moves per step

        # the countdown is not announced every second: hidden visible timer, one status line
        assert await page.get_attribute("#timer", "aria-hidden") == "true"
        first = await page.text_content("#timer-status")
        await page.wait_for_timeout(1200)
        assert await page.text_content("#timer-status") == first and "秒后可提交" in (first or "")

        # answers survive a reload of the webview, the identity data never does
        for qid in ("q1", "q2", "q3"):
            await page.locator(f'.question[data-qid="{qid}"] input[value="yes"]').check()
        await page.fill("#remark", "请下午联系")
        await page.reload()
        assert await page.input_value("#id-last6") == "" and await page.input_value("#birth-date") == ""
        stored = await page.evaluate("JSON.stringify(Object.assign({}, window.sessionStorage, window.localStorage))")
        assert "011234" not in stored and "1990-01-01" not in stored and "请下午联系" in stored
        await pass_identity(page)
        await expect(page.locator("#step-questions")).to_be_visible()
        for qid in ("q1", "q2", "q3"):
            await expect(page.locator(f'.question[data-qid="{qid}"] input[value="yes"]')).to_be_checked()
        assert await page.input_value("#remark") == "请下午联系"
        await page.fill("#remark", "")
        for qid in ("q4", "q5", "q6"):
            await page.locator(f'.question[data-qid="{qid}"] input[value="yes"]').check()
        await expect(page.locator("#submit-btn")).to_be_enabled(timeout=MIN_SECONDS * 1000 + 5000)
        await expect(page.locator("#timer-status")).to_contain_text("可以提交")
        await page.screenshot(path=str(ARTIFACTS / "phone-03-questions.png"), full_page=True)
        await axe_check(page, "questions")

        # offline at submit: a clear Chinese message and the button comes back (never stuck disabled)
        await context.set_offline(True)
        await page.click("#submit-btn")
        await expect(page.locator("#submit-error")).to_contain_text(NETWORK_ERROR, timeout=TIMEOUT_MS + 4000)
        await expect(page.locator("#submit-btn")).to_be_enabled()
        await page.screenshot(path=str(ARTIFACTS / "phone-04-offline.png"), full_page=True)
        await context.set_offline(False)
        await page.click("#submit-btn")
        await expect(page.locator("#step-done")).to_be_visible()
        await expect(page.locator("#done-title")).to_have_text("电子回访已完成")
        assert await page.evaluate("document.activeElement.id") == "done-title"
        assert await page.evaluate("window.sessionStorage.length") == 0  # answers forgotten once submitted
        await page.screenshot(path=str(ARTIFACTS / "phone-05-done.png"), full_page=True)
        await axe_check(page, "done")
        await context.close()
        await browser.close()
        assert errors == [], f"JavaScript errors on the page: {errors}"


async def test_without_javascript_the_identity_form_never_puts_id_digits_in_the_url(site: Any) -> None:
    from playwright.async_api import async_playwright, expect

    url = await new_link(site)
    async with async_playwright() as pw:
        browser, context = await browser_context(pw, java_script_enabled=False)
        page = await context.new_page()
        await page.goto(url)
        await page.fill("#id-last6", "011234")
        await page.fill("#birth-date", "1990-01-01")
        async with page.expect_navigation():
            await page.click("#identity-submit")
        assert "011234" not in page.url and "1990" not in page.url and "?" not in page.url
        await expect(page.locator("#message h2")).to_have_text("请开启JavaScript")
        await page.screenshot(path=str(ARTIFACTS / "phone-06-no-javascript.png"), full_page=True)
        await context.close()
        await browser.close()
