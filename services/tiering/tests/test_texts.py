"""The Chinese SMS texts of tier notices (``texts.py``, SPEC 2.4). Pure."""

from __future__ import annotations

import datetime as dt

from services.tiering.programs import load_program
from services.tiering.texts import SMS_PREFIX, cn_date, notice_text

STARS = load_program("stars")
DAY = dt.date(2026, 6, 30)


def test_dates_read_the_chinese_way() -> None:
    assert cn_date(dt.date(2026, 1, 5)) == "2026年1月5日"


def test_every_notice_is_signed_and_names_the_tiers_by_their_chinese_names() -> None:
    up = notice_text(STARS, "tier_upgrade", from_tier="star_1", to_tier="star_2", day=DAY)
    assert up.startswith(SMS_PREFIX) and "「二星客户」" in up and "2026年6月30日" in up
    pre = notice_text(
        STARS, "tier_pre_downgrade", from_tier="star_3", to_tier="star_2", day=DAY, at=dt.date(2026, 12, 31)
    )
    assert "保留至2026年12月31日" in pre and "「三星客户」" in pre and "「二星客户」" in pre
    down = notice_text(STARS, "tier_downgrade", from_tier="star_3", to_tier="star_2", day=DAY)
    assert "由「三星客户」调整为「二星客户」" in down


def test_an_invalidated_tier_says_no_policy_is_left_only_when_that_is_true() -> None:
    none_left = notice_text(STARS, "tier_invalidated", from_tier="star_2", to_tier="none", day=DAY)
    assert "名下已无有效保单" in none_left
    still_held = notice_text(STARS, "tier_invalidated", from_tier="star_2", to_tier="none", day=DAY, policies_left=True)
    assert "名下已无有效保单" not in still_held and "已不符合" in still_held and "「二星客户」资格已失效" in still_held
