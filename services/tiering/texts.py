"""The Chinese SMS texts of tier notices (SPEC 2.4)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from services.tiering.programs import Program

Template = Literal["tier_upgrade", "tier_pre_downgrade", "tier_downgrade", "tier_invalidated"]

SMS_PREFIX = "【VIP客户服务】"


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def notice_text(
    program: Program,
    template: Template,
    *,
    from_tier: str,
    to_tier: str,
    day: dt.date,
    at: dt.date | None = None,
    policies_left: bool = False,
) -> str:
    """The Chinese SMS text for a tier notice (``policies_left``: the customer still holds policies in
    force that no longer earn a tier, so "名下已无有效保单" would be untrue)."""
    old, new = program.tier_name(from_tier), program.tier_name(to_tier)
    if template == "tier_upgrade":
        return (
            f"{SMS_PREFIX}尊敬的客户，恭喜您自{cn_date(day)}起成为{program.name}「{new}」，"
            f"可享受相应的尊享服务。详情请查询客户服务平台。"
        )
    if template == "tier_pre_downgrade":
        assert at is not None
        return (
            f"{SMS_PREFIX}尊敬的客户，经{cn_date(day)}评定，您名下有效保单已不符合「{old}」标准。"
            f"您的现有级别将保留至{cn_date(at)}，届时将再次评定；如仍不符合，将调整为「{new}」。"
        )
    if template == "tier_downgrade":
        return f"{SMS_PREFIX}尊敬的客户，经{cn_date(day)}评定，您的客户级别已由「{old}」调整为「{new}」。"
    if policies_left:
        return (
            f"{SMS_PREFIX}尊敬的客户，经{cn_date(day)}评定，您名下有效保单已不符合{program.name}标准，"
            f"自{cn_date(day)}起您的「{old}」资格已失效。详情请查询客户服务平台。"
        )
    return (
        f"{SMS_PREFIX}尊敬的客户，您名下已无有效保单，自{cn_date(day)}起您的「{old}」资格已失效。"
        f"拥有新的有效保单后，我们将为您重新评级。"
    )
