"""The H5 pages' server side (``h5.py``): Chinese messages, strict security headers, the token only in
the page's data (never a script of ours inline), cache-busted assets. Pure; the pages in a browser are
``test_browser.py`` and ``test_h5_phone.py``."""

from __future__ import annotations

import re

from services.revisit import h5
from services.revisit.settings import RevisitSettings

SETTINGS = RevisitSettings(database_url="sqlite+aiosqlite://", link_ttl_days=30)


def text(response: object) -> str:
    body = getattr(response, "body", b"")
    assert isinstance(body, bytes)
    return body.decode("utf-8")


def test_every_message_page_is_chinese_with_its_status_and_the_security_headers() -> None:
    for kind in h5.MESSAGES:
        page = h5.message_page(SETTINGS, kind, status_code=410 if kind == "expired" else 200)
        assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert page.headers["Cache-Control"] == "no-store" and page.headers["X-Frame-Options"] == "DENY"
        assert f'data-kind="{kind}"' in text(page) and h5.MESSAGES[kind][0] in text(page)
    expired = h5.message_page(SETTINGS, "expired", status_code=410)
    assert expired.status_code == 410 and "30天有效期" in text(expired) and SETTINGS.hotline in text(expired)


def test_the_questionnaire_page_carries_the_escaped_token_and_no_inline_script() -> None:
    page = text(h5.questionnaire_page(SETTINGS, 'tok"<x>'))
    assert 'data-token="tok&quot;&lt;x&gt;"' in page
    assert not re.search(r"<script>(?!\s*</script>)", page)  # scripts only by src (CSP script-src 'self')


def test_assets_are_cache_busted_by_their_content() -> None:
    url = h5.asset_url("revisit.js")
    assert re.fullmatch(r"/r/static/revisit\.js\?v=[0-9a-f]{12}", url)
    assert h5.asset_url("revisit.js") == url
