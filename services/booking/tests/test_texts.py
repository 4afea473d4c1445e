"""Booking's Chinese SMS texts (``texts.py``): dates with the weekday, the local cancellation deadline,
and what a late cancellation costs. Pure."""

from __future__ import annotations

import datetime as dt

from services.booking import texts

DAY = dt.date(2026, 9, 28)  # a Monday
DEADLINE = dt.datetime(2026, 9, 25, 4, 0, tzinfo=dt.UTC)  # Friday 12:00 in Shanghai


def test_dates_and_times_read_the_chinese_way_in_local_time() -> None:
    assert texts.chinese_date(DAY) == "2026年9月28日（星期一）"
    assert texts.chinese_time(DEADLINE) == "2026年9月25日（星期五）12:00"


def test_a_confirmation_names_the_visit_and_the_free_cancellation_deadline() -> None:
    text = texts.booking_confirmed("洁牙", "和睦家诊所", "北京市朝阳区", DAY, DEADLINE)
    assert text.startswith("【VIP服务】") and "洁牙" in text and "2026年9月28日（星期一）" in text
    assert "请于2026年9月25日（星期五）12:00前申请" in text


def test_a_rejection_never_quotes_the_partner_and_a_late_cancellation_says_it_counts() -> None:
    assert "未能安排" in texts.booking_rejected("洁牙", "和睦家诊所", DAY)
    in_time, late = texts.booking_cancelled("洁牙", DAY, late=False), texts.booking_cancelled("洁牙", DAY, late=True)
    assert "本次服务次数已退回" in in_time and "本次服务次数已扣除" in late
