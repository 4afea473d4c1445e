# ruff: noqa: E501 - HTML templates keep their lines whole
"""The H5 questionnaire page (SPEC 5): server-rendered shells in Simplified Chinese.

The page itself is static HTML; ``/r/static/revisit.js`` drives the identity step, the questions,
the countdown that keeps "提交" disabled until the minimum answer time, and the result screens.
No external CDN; a strict Content-Security-Policy (no inline script), no Referer (the token is in
the URL), no caching. Static assets carry a content hash (``?v=``) so a phone never runs an old script
against a new page. Without JavaScript the identity form posts (``method="post"``: the ID digits never
go into the URL) to a page that asks to open the link with JavaScript on.
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path

from fastapi.responses import HTMLResponse

from services.revisit.settings import RevisitSettings

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
}

STATIC_DIR = Path(__file__).parent / "static"


def asset_url(name: str) -> str:
    """``/r/static/<name>?v=<content hash>``: a changed file gets a new URL (no stale cached script)."""
    digest = hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]
    return f"/r/static/{name}?v={digest}"


_HEAD = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="format-detection" content="telephone=no">
<title>{title} - {insurer}</title>
<link rel="stylesheet" href="{css}">
{script}
</head>
<body>
<header class="bar"><h1>{insurer} · 保单电子化回访</h1></header>
"""

_FOOT = """<footer class="foot">若您在回访过程中遇到任何问题，欢迎拨打客服热线 <span class="nowrap">{hotline}</span>（工作日9:00—17:30）</footer>
</body>
</html>
"""

MESSAGES = {
    "unknown": (
        "链接无效",
        "您访问的回访链接不存在。请检查短信中的链接是否完整，或关注我司客户服务微信公众号进行自助回访。",
        "warn",
    ),
    "expired": (
        "链接已过期",
        "该回访链接已超过{ttl}天有效期。您可以通过我司客户服务微信公众号进行自助回访，或致电客服热线{hotline}。",
        "warn",
    ),
    "done": ("回访已完成", "该保单的电子化回访已经完成，感谢您的支持与配合。", "ok"),
    "nojs": (
        "请开启JavaScript",
        "该页面需要浏览器支持JavaScript才能完成回访。请在微信或手机浏览器中重新打开短信中的链接，或致电客服热线{hotline}。",
        "warn",
    ),
    "phone": (
        "回访将由客服电话完成",
        "该保单的回访将由我司客服人员在工作日9:00-17:30通过电话与您联系，感谢您的配合。",
        "info",
    ),
}


def _head(settings: RevisitSettings, title: str, *, script: bool) -> str:
    return _HEAD.format(
        title=escape(title),
        insurer=escape(settings.insurer_name),
        css=asset_url("revisit.css"),
        script=f'<script src="{asset_url("revisit.js")}" defer></script>' if script else "",
    )


def message_page(settings: RevisitSettings, kind: str, *, status_code: int = 200) -> HTMLResponse:
    title, text, tone = MESSAGES[kind]
    body = text.format(ttl=settings.link_ttl_days, hotline=settings.hotline)
    html = (
        _head(settings, title, script=False)
        + f"""<main class="page">
<section class="card result" id="message" data-kind="{kind}">
<div class="icon {tone}" aria-hidden="true">{"✓" if tone == "ok" else "!"}</div>
<h2>{escape(title)}</h2>
<p>{escape(body)}</p>
</section>
</main>
"""
        + _FOOT.format(hotline=escape(settings.hotline))
    )
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


def questionnaire_page(settings: RevisitSettings, token: str) -> HTMLResponse:
    html = (
        _head(settings, "保单电子化回访", script=True)
        + f"""<main class="page" id="app" data-token="{escape(token)}" data-hotline="{escape(settings.hotline)}" data-ttl="{settings.link_ttl_days}" data-timeout-ms="{settings.h5_request_timeout_ms}">
<noscript><p class="notice">该页面需要开启JavaScript才能完成回访，请在微信或手机浏览器中打开短信中的链接。</p></noscript>
<section class="card" id="step-identity">
  <h2 tabindex="-1">身份验证</h2>
  <p class="muted">为保护您的信息安全，请先验证投保人身份。</p>
  <form id="identity-form" method="post" novalidate>
    <label class="field">身份证号码后6位
      <input id="id-last6" name="id_last6" maxlength="6" autocomplete="off" autocapitalize="characters" placeholder="例如 011234" required>
    </label>
    <label class="field">出生日期
      <input id="birth-date" name="birth_date" type="date" min="1900-01-01" required>
    </label>
    <p id="identity-error" class="error" role="alert" hidden></p>
    <button type="submit" id="identity-submit" class="primary">下一步</button>
  </form>
</section>

<section id="step-questions" hidden>
  <p id="timer" class="timer" aria-hidden="true"></p>
  <p id="timer-status" class="sr-only" role="status"></p>
  <div class="card intro"><h2 id="questions-title" tabindex="-1">回访问题</h2><p id="intro"></p></div>
  <form id="questions-form" novalidate>
    <ol id="question-list" class="questions"></ol>
    <div class="card">
      <label class="field" for="remark">备注（选填）</label>
      <textarea id="remark" name="remark" maxlength="200" rows="3" placeholder="点击输入备注"></textarea>
      <div class="counter"><span id="remark-count">0</span>/200</div>
    </div>
    <p id="no-hint" class="notice" hidden>您有选择“否”的问题或填写了备注。提交后，我们的客服人员将通过电话与您进一步确认。</p>
    <div class="card tips">
      <p>温馨提示：</p>
      <p>如您在答题过程中中止回访，我司后续将通过电话回访与您联系，感谢您的配合！</p>
      <p>为维护您的权益，答卷时长需不低于<span id="min-seconds">60</span>秒。</p>
    </div>
    <p id="submit-error" class="error" role="alert" hidden></p>
    <div class="actions">
      <button type="submit" id="submit-btn" class="primary" disabled>提交</button>
      <button type="button" id="abort-btn" class="secondary">中止回访</button>
    </div>
  </form>
</section>

<section class="card result" id="step-done" hidden>
  <div class="icon ok" id="done-icon" aria-hidden="true">✓</div>
  <h2 id="done-title" tabindex="-1">电子回访已完成</h2>
  <p id="done-message">感谢您的支持与配合</p>
</section>
</main>
"""
        + _FOOT.format(hotline=escape(settings.hotline))
    )
    return HTMLResponse(html, headers=SECURITY_HEADERS)
