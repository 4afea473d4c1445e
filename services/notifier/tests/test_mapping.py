"""Notifier's row -> schema mapping (``mapping.py``): what ops read is masked and in local time. Pure."""

from __future__ import annotations

import datetime as dt

from services.notifier import mapping
from services.notifier.models import DeliveryAttempt, Notification

UTC_2AM = dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai


def notification(status: str, **kw: object) -> Notification:
    values: dict[str, object] = {
        "id": 1,
        "event_id": "ev-1",
        "customer_id": "C1",
        "channel": "sms",
        "template": "booking_confirmed",
        "text": "【VIP客户服务】尊敬的客户，您的证件号110101199001011237已核验，请致电13800138000。",
        "mobile": "13800138000",
        "reference": "B1",
        "source_service": "booking",
        "status": status,
        "attempt_count": 1,
        "last_error": "provider refused 13800138000",
        "created_at": UTC_2AM,
        "sent_at": None,
    }
    n = Notification(**(values | kw))
    n.attempts = [
        DeliveryAttempt(
            attempt_no=1, attempted_at=UTC_2AM, adapter="sms-sink", outcome="failed", error="timeout for 13800138000"
        )
    ]
    return n


def test_text_mobile_and_errors_are_masked_and_times_local() -> None:
    read = mapping.notification_read(notification("queued"), UTC_2AM + dt.timedelta(minutes=5))  # its job's run_after
    assert "110101199001011237" not in read.text and "13800138000" not in read.text
    assert read.mobile == "138****8000"
    assert read.last_error is not None and "13800138000" not in read.last_error
    assert read.created_at.utcoffset() == dt.timedelta(hours=8) and read.created_at == UTC_2AM
    assert read.next_attempt_at == UTC_2AM + dt.timedelta(minutes=5)  # queued: the retry time is shown
    (attempt,) = read.attempts
    assert attempt.error is not None and "13800138000" not in attempt.error
    assert attempt.attempted_at.utcoffset() == dt.timedelta(hours=8)


def test_a_sent_notification_shows_no_retry_time() -> None:
    read = mapping.notification_read(notification("sent", sent_at=UTC_2AM, last_error=None), UTC_2AM)
    assert (read.next_attempt_at, read.last_error) == (None, None)
    assert read.sent_at == UTC_2AM and read.sent_at is not None and read.sent_at.utcoffset() == dt.timedelta(hours=8)
    assert mapping.local(None) is None
