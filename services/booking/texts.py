"""Customer-facing SMS texts (Simplified Chinese) for booking notifications. Pure functions."""

from __future__ import annotations

import datetime as dt

from vipkit.clock import SHANGHAI

_WEEKDAYS = "一二三四五六日"


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（星期{_WEEKDAYS[day.weekday()]}）"


def chinese_time(moment: dt.datetime) -> str:
    local = moment.astimezone(SHANGHAI)
    return f"{chinese_date(local.date())}{local.hour:02d}:{local.minute:02d}"


def booking_confirmed(service_name: str, clinic_name: str, address: str, day: dt.date, deadline: dt.datetime) -> str:
    return (
        f"【VIP服务】您预约的{service_name}已确认：{chinese_date(day)}，{clinic_name}（{address}）。"
        f"就诊时请携带有效身份证件。如需取消，请于{chinese_time(deadline)}前申请，逾期取消将视为已使用本次服务。"
    )


def booking_rejected(service_name: str, clinic_name: str, day: dt.date) -> str:
    """The partner's own rejection reason is free text for ops (booking history), never pasted here."""
    return (
        f"【VIP服务】很抱歉，您预约的{service_name}（{chinese_date(day)}，{clinic_name}）未能安排。"
        "本次服务次数已退回，您可重新预约其他日期或机构，详情请咨询客服。"
    )


def booking_reminder(service_name: str, clinic_name: str, address: str, day: dt.date) -> str:
    return (
        f"【VIP服务】温馨提示：您预约的{service_name}将于{chinese_date(day)}在{clinic_name}（{address}）进行，"
        "请按时前往并携带有效身份证件。"
    )


def booking_cancelled(service_name: str, day: dt.date, late: bool) -> str:
    if late:
        return (
            f"【VIP服务】您预约的{service_name}（{chinese_date(day)}）已取消。"
            "因未在规定时间（就诊前一个工作日中午12点前）申请取消，本次服务次数已扣除。"
        )
    return f"【VIP服务】您预约的{service_name}（{chinese_date(day)}）已取消，本次服务次数已退回。"
