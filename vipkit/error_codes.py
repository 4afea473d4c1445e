"""Every problem ``code`` on the wire (SPEC 7.1 and the plumbing's own), with what a front-end shows.

``detail`` in a problem+json body is English for developers (SPEC 0); front-ends show ``message_zh``
from this table instead. The same table is served as JSON at ``GET /api/v1/error-codes`` (by the
gateway) and rendered as ``docs/error-codes.md``; a test keeps all three and the codes the services
raise in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    status: int
    message_zh: str
    meaning: str
    extra: dict[str, str] = field(default_factory=dict)  # field name -> what it holds
    headers: tuple[str, ...] = ()


ERROR_CODES: dict[str, ErrorCode] = {
    e.code: e
    for e in (
        ErrorCode(
            "validation_error",
            422,
            "提交的信息有误，请检查后重试",
            "The request is malformed or breaks a field rule; `errors` names each field.",
            {"errors": "list of {field, message, type}", "field": "the field at fault (business checks)"},
        ),
        ErrorCode("not_found", 404, "未找到相关信息", "No such object, or it belongs to another customer."),
        ErrorCode("unauthorized", 401, "登录已失效，请重新登录", "Missing, expired or invalid bearer token."),
        ErrorCode("forbidden", 403, "您没有权限进行此操作", "The token's role may not call this operation."),
        ErrorCode(
            "rate_limited",
            429,
            "操作过于频繁，请稍后再试",
            "Over the rate limit; retry after `Retry-After` seconds.",
            headers=("Retry-After",),
        ),
        ErrorCode(
            "too_late_to_book",
            422,
            "所选日期已无法预约，请选择{earliest_date}或之后的日期",
            "The appointment date is earlier than the advance-notice rule allows (SPEC 4.2).",
            {"earliest_date": "the earliest bookable date (YYYY-MM-DD)", "advance_working_days": "N"},
        ),
        ErrorCode(
            "quota_exhausted",
            409,
            "您本期的服务次数已用完",
            "No unit of this service is left in the current period (SPEC 3.1, 4.2).",
        ),
        ErrorCode(
            "not_entitled",
            403,
            "您当前的客户等级暂不享有该项服务",
            "The service is not part of the customer's tier, or not for this beneficiary (SPEC 4.2).",
        ),
        ErrorCode(
            "fully_booked",
            409,
            "该机构当天已约满，请选择其他日期或机构",
            "The clinic's daily capacity for the service is used up on that date.",
            {"date": "the full date", "daily_capacity": "the clinic's capacity"},
        ),
        ErrorCode(
            "clinic_closed",
            422,
            "该机构当天不营业，请选择其他日期",
            "The clinic does not open on that date (weekday or holiday).",
            {"date": "the date", "opening_weekdays": "ISO weekdays", "holiday": "holiday name or null"},
        ),
        ErrorCode(
            "calendar_unknown",
            422,
            "该日期所在年度的节假日安排尚未公布，暂无法预约",
            "The official working-day schedule of that year is not known yet (SPEC 4.1); ops load it.",
            {"year": "the unknown year", "date": "the date asked about"},
        ),
        ErrorCode(
            "illegal_transition",
            409,
            "当前状态下无法进行此操作",
            "The object's state does not allow this step (e.g. completing a cancelled booking).",
            {"from_status": "current status", "to_status": "the status asked for"},
        ),
        ErrorCode(
            "invalid_signature",
            401,
            "签名校验失败",
            "Bad Standard Webhooks signature, or a timestamp more than 5 minutes off (SPEC 4.3).",
        ),
        ErrorCode(
            "answered_too_fast",
            422,
            "作答时间过短，请仔细阅读每个问题后再提交",
            "Submitted before the minimum answer time (SPEC 5); the customer may submit again.",
            {"seconds_remaining": "seconds still to wait", "min_seconds": "the minimum time"},
        ),
        ErrorCode(
            "identity_mismatch",
            422,
            "身份信息核验未通过，请核对后重试",
            "The ID number's last 6 characters or the birth date do not match the policyholder.",
            {"attempts_left": "attempts before the session locks"},
        ),
        ErrorCode(
            "session_locked",
            423,
            "核验失败次数过多，请稍后再试或致电客服热线",
            "Too many failed identity checks; locked for a while.",
            {"locked_until": "when it unlocks (ISO-8601, +08:00)"},
        ),
        ErrorCode(
            "link_expired",
            410,
            "回访链接已过期，请联系客服重新获取",
            "The revisit link is older than 30 days (SPEC 5).",
            {"expired_at": "when it expired"},
        ),
        ErrorCode(
            "conflict",
            409,
            "请求冲突，请刷新后重试",
            "The request conflicts with the current state (e.g. an Idempotency-Key reused with another body, "
            "or one still being processed).",
        ),
        ErrorCode(
            "precondition_failed",
            412,
            "该信息已被他人修改，请刷新后重试",
            "`If-Match` names an older version than the current `ETag` (someone else changed it).",
            {"current_etag": "the current ETag"},
        ),
        ErrorCode(
            "precondition_required",
            428,
            "请先获取最新信息后再修改",
            "This change needs an `If-Match` header with the ETag of the version read.",
        ),
        ErrorCode("payload_too_large", 413, "提交的内容过大", "The request body is over the size limit."),
        ErrorCode("method_not_allowed", 405, "不支持该操作", "The HTTP method is not allowed on this path."),
        ErrorCode("bad_gateway", 502, "服务暂时不可用，请稍后再试", "The gateway could not reach the service."),
        ErrorCode("gateway_timeout", 504, "服务响应超时，请稍后再试", "The service did not answer in time."),
        ErrorCode(
            "service_unavailable",
            503,
            "服务繁忙，请稍后再试",
            "A service this operation depends on is not available right now; nothing was changed.",
        ),
        ErrorCode("internal_error", 500, "系统繁忙，请稍后再试", "An unexpected error; reported with `request_id`."),
    )
}


def error_code_table() -> dict[str, Any]:
    """The machine-readable table served at ``/api/v1/error-codes``."""
    return {
        "items": [
            {
                "code": e.code,
                "status": e.status,
                "message_zh": e.message_zh,
                "meaning": e.meaning,
                "extra_fields": e.extra,
                "headers": list(e.headers),
            }
            for e in ERROR_CODES.values()
        ]
    }


def render_markdown() -> str:
    """``docs/error-codes.md``: generated from this table (a test checks it is current)."""
    lines = [
        "# Error codes",
        "",
        "Every error is RFC 9457 `application/problem+json` with a stable `code`. `detail` is English, for",
        "developers and logs; front-ends show the Chinese message below (placeholders such as",
        "`{earliest_date}` are filled from the problem's extra fields). The same table is served as JSON at",
        "`GET /api/v1/error-codes` (public, through the gateway). Generated from `vipkit/error_codes.py`",
        "by `python -m vipkit.error_codes > docs/error-codes.md`; do not edit by hand.",
        "",
        "| code | status | message shown (zh-CN) | meaning | extra fields |",
        "|---|---|---|---|---|",
    ]
    for e in ERROR_CODES.values():
        extra = ", ".join(f"`{k}`: {v}" for k, v in e.extra.items())
        if e.headers:
            extra = ", ".join([extra, *(f"header `{h}`" for h in e.headers)]).strip(", ")
        lines.append(f"| `{e.code}` | {e.status} | {e.message_zh} | {e.meaning} | {extra} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_markdown(), end="")
