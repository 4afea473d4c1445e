"""The H5 questionnaire in a real Chromium (Playwright), at 375 px: identity, timer, submit, outcomes.

Screenshots go to ``test-artifacts/revisit/``. Skipped with a reason only when ``/usr/bin/chromium``
is absent outside CI; under ``CI=true`` its absence fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.revisit.consumers import consumer_specs
from services.revisit.main import MIGRATIONS_DIR, create_app
from services.revisit.settings import RevisitSettings
from services.revisit.tests.helpers import STAFF, deliver, new_customer, new_policy_no, policy_event
from vipkit import clock
from vipkit.broker import free_port
from vipkit.consumer import ConsumerRunner
from vipkit.settings import CommonSettings
from vipkit.testing import CHROMIUM, CHROMIUM_ARGS, TEST_JWT_SECRET, DatabaseFactory, require_chromium, serve_app

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "revisit"
MIN_SECONDS = 3

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium() -> Path:
    return Path(require_chromium())


@dataclass
class Served:
    base: str
    http: httpx.AsyncClient
    runner: ConsumerRunner

    async def new_link(self) -> str:
        """A new policy seen now (real clock), and a personal link for it."""
        customer, policy_no = new_customer(), new_policy_no()
        now = clock.now()
        raw = policy_event(
            customer,
            policy_no,
            seen_at=now,
            underwritten_at=(now - dt.timedelta(hours=1)).isoformat(),
            effective_date=now.date().isoformat(),
            cooling_off_end=(now.date() + dt.timedelta(days=15)).isoformat(),
        )
        assert await deliver(self.runner, raw) == "processed"
        task = (await self.http.get("/api/v1/revisits", params={"policy_no": policy_no}, headers=STAFF)).json()
        res = await self.http.post(f"/api/v1/revisits/{task['items'][0]['task_id']}/link", headers=STAFF)
        assert res.status_code == 201, res.text
        url = str(res.json()["url"])
        assert url.startswith(self.base + "/r/")
        return url


@pytest.fixture
async def served(chromium: Path, db_factory: DatabaseFactory) -> AsyncIterator[Served]:
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = RevisitSettings(database_url=url, min_answer_seconds=MIN_SECONDS, public_base_url=base)
    common = CommonSettings(
        env="test", jwt_secret=TEST_JWT_SECRET, test_clock=True, scheduler="off", kafka_enabled=False
    )
    app = create_app(settings, common)
    async with serve_app(app, port=port) as served_base, httpx.AsyncClient(base_url=served_base, timeout=10) as http:
        runner = ConsumerRunner(consumer_specs(settings)[0], app.state.db, common, service="revisit")
        yield Served(base, http, runner)
    db_factory.drop(url)


@pytest.fixture
async def page(served: Served) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = await browser.new_context(
            viewport={"width": 375, "height": 812},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="zh-CN",
            user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0",
        )
        pg = await context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        yield pg
        await context.close()
        await browser.close()
        assert errors == [], f"JavaScript errors on the page: {errors}"


async def fits_375(page: Any) -> bool:
    return bool(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


async def pass_identity(page: Any, last6: str = "011234", birth: str = "1990-01-01") -> None:
    await page.fill("#id-last6", last6)
    await page.fill("#birth-date", birth)
    await page.click("#identity-submit")


async def test_sms_link_identity_timer_submit_done(page: Any, served: Served) -> None:
    from playwright.async_api import expect

    url = await served.new_link()
    response = await page.goto(url)
    assert response.status == 200
    await expect(page.locator("#step-identity h2")).to_have_text("身份验证")
    await page.screenshot(path=str(ARTIFACTS / "01-identity.png"), full_page=True)

    await pass_identity(page, last6="999999")  # wrong identity once
    await expect(page.locator("#identity-error")).to_contain_text("身份信息与投保人不一致")
    await expect(page.locator("#identity-error")).to_contain_text("还可尝试4次")
    await page.screenshot(path=str(ARTIFACTS / "02-identity-mismatch.png"), full_page=True)

    await pass_identity(page)
    await expect(page.locator("#step-questions")).to_be_visible()
    submit = page.locator("#submit-btn")
    # the timer holds "提交" until the minimum answer time has passed
    await expect(submit).to_be_disabled()
    await expect(page.locator("#timer")).to_contain_text("秒后可提交")
    await expect(submit).to_contain_text("提交（")
    await expect(page.locator(".question")).to_have_count(6)
    await expect(page.locator(".question").nth(2)).to_contain_text("长生福优加重大疾病保险（计划一）")
    await page.screenshot(path=str(ARTIFACTS / "03-questions-timer.png"), full_page=True)
    assert await fits_375(page)

    for radio in await page.locator('input[type="radio"][value="yes"]').all():
        await radio.check()
    await expect(page.locator("#no-hint")).to_be_hidden()
    await expect(submit).to_be_enabled(timeout=MIN_SECONDS * 1000 + 5000)
    await expect(page.locator("#timer")).to_contain_text("已满足最短答题时间")
    await expect(submit).to_have_text("提交")
    await submit.click()

    await expect(page.locator("#step-done")).to_be_visible()
    await expect(page.locator("#done-title")).to_have_text("电子回访已完成")
    await page.screenshot(path=str(ARTIFACTS / "04-done.png"), full_page=True)

    # the link now says it is done (a reload does not restart the questionnaire)
    await page.goto(url)
    await expect(page.locator("#message h2")).to_have_text("回访已完成")


async def test_a_no_answer_shows_the_problem_case_message(page: Any, served: Served) -> None:
    from playwright.async_api import expect

    await page.goto(await served.new_link())
    await pass_identity(page)
    await expect(page.locator("#step-questions")).to_be_visible()
    await page.locator('.question[data-qid="q1"] input[value="no"]').check()
    for qid in ("q2", "q3", "q4", "q5", "q6"):
        await page.locator(f'.question[data-qid="{qid}"] input[value="yes"]').check()
    await expect(page.locator("#no-hint")).to_be_visible()
    await expect(page.locator("#submit-btn")).to_be_enabled(timeout=MIN_SECONDS * 1000 + 5000)
    await page.locator("#submit-btn").click()
    await expect(page.locator("#done-title")).to_have_text("回访已提交，待电话确认")
    await expect(page.locator("#done-message")).to_contain_text("通过电话与您联系")
    await page.screenshot(path=str(ARTIFACTS / "05-problem-case.png"), full_page=True)


async def test_unknown_link_renders_a_friendly_chinese_page(page: Any, served: Served) -> None:
    from playwright.async_api import expect

    response = await page.goto(f"{served.base}/r/this-link-does-not-exist")
    assert response.status == 404
    await expect(page.locator("#message h2")).to_have_text("链接无效")
    assert await fits_375(page)
    await page.screenshot(path=str(ARTIFACTS / "06-unknown-link.png"), full_page=True)
