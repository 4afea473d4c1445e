"""Notifier's row -> schema mapping in one place: notifications and their attempts as ops read them
(text, mobile and errors masked; times in Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt

from services.notifier.models import DeliveryAttempt, Notification
from services.notifier.schemas import DeliveryAttemptRead, NotificationRead
from vipkit.clock import SHANGHAI
from vipkit.masking import mask_mobile, mask_text


def local(value: dt.datetime | None) -> dt.datetime | None:
    """Times on the wire in Asia/Shanghai (stored as UTC)."""
    return value.astimezone(SHANGHAI) if value is not None else None


def delivery_attempt_read(attempt: DeliveryAttempt) -> DeliveryAttemptRead:
    return DeliveryAttemptRead(
        attempt_no=attempt.attempt_no,
        attempted_at=attempt.attempted_at.astimezone(SHANGHAI),
        adapter=attempt.adapter,
        outcome=attempt.outcome,  # type: ignore[arg-type]
        error=mask_text(attempt.error) if attempt.error else None,
        provider_message_id=attempt.provider_message_id,
    )


def notification_read(n: Notification, next_attempt_at: dt.datetime | None = None) -> NotificationRead:
    """``next_attempt_at``: when a queued notification's delivery job runs next (``service.next_attempts``)."""
    return NotificationRead(
        id=n.id,
        event_id=n.event_id,
        customer_id=n.customer_id,
        channel=n.channel,  # type: ignore[arg-type]
        template=n.template,
        text=mask_text(n.text),
        mobile=mask_mobile(n.mobile),
        reference=n.reference,
        source_service=n.source_service,
        status=n.status,  # type: ignore[arg-type]
        attempt_count=n.attempt_count,
        next_attempt_at=local(next_attempt_at) if n.status == "queued" else None,
        last_error=mask_text(n.last_error) if n.last_error else None,
        created_at=n.created_at.astimezone(SHANGHAI),
        sent_at=local(n.sent_at),
        attempts=[delivery_attempt_read(a) for a in n.attempts],
    )
