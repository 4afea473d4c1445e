"""Notifier API models (pydantic), kept apart from the tables."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from services.notifier.models import DeliveryAttempt, Notification
from vipkit.clock import SHANGHAI
from vipkit.masking import mask_mobile, mask_text
from vipkit.pagination import PageFields


def _local(value: dt.datetime | None) -> dt.datetime | None:
    """Times on the wire in Asia/Shanghai (stored as UTC)."""
    return value.astimezone(SHANGHAI) if value is not None else None


class DeliveryAttemptRead(BaseModel):
    attempt_no: int
    attempted_at: dt.datetime
    adapter: str = Field(description="sms-gateway, wechat-template, or sink-sms / sink-wechat in development")
    outcome: Literal["sent", "failed"]
    error: str | None
    provider_message_id: str | None

    @classmethod
    def of(cls, attempt: DeliveryAttempt) -> DeliveryAttemptRead:
        return cls(
            attempt_no=attempt.attempt_no,
            attempted_at=attempt.attempted_at.astimezone(SHANGHAI),
            adapter=attempt.adapter,
            outcome=attempt.outcome,  # type: ignore[arg-type]
            error=mask_text(attempt.error) if attempt.error else None,
            provider_message_id=attempt.provider_message_id,
        )


class NotificationRead(BaseModel):
    id: int
    event_id: str
    customer_id: str
    channel: Literal["sms", "wechat"]
    template: str
    text: str = Field(description="The full text as sent (identity and mobile numbers in it masked)")
    mobile: str | None = Field(description="Recipient mobile, masked: 138****8000")
    reference: str | None
    source_service: str
    status: Literal["queued", "sent", "failed"]
    attempt_count: int
    next_attempt_at: dt.datetime | None = Field(description="When a queued notification is retried")
    last_error: str | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    attempts: list[DeliveryAttemptRead]

    @classmethod
    def of(cls, n: Notification) -> NotificationRead:
        return cls(
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
            next_attempt_at=_local(n.next_attempt_at) if n.status == "queued" else None,
            last_error=mask_text(n.last_error) if n.last_error else None,
            created_at=n.created_at.astimezone(SHANGHAI),
            sent_at=_local(n.sent_at),
            attempts=[DeliveryAttemptRead.of(a) for a in n.attempts],
        )


class NotificationList(PageFields):
    """Newest first."""

    items: list[NotificationRead]
