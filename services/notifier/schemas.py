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
    """One attempt to deliver a notification through a channel adapter."""

    attempt_no: int = Field(description="1 for the first attempt.")
    attempted_at: dt.datetime = Field(description="When, Asia/Shanghai local time with offset.")
    adapter: str = Field(description="sms-gateway, wechat-template, or sink-sms / sink-wechat in development")
    outcome: Literal["sent", "failed"] = Field(description="sent | failed")
    error: str | None = Field(description="What went wrong (numbers masked); null when sent.")
    provider_message_id: str | None = Field(description="The SMS gateway's or WeChat's message id, when sent.")

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
    """A notification (SMS or WeChat template message) requested by a service, with its attempts."""

    id: int = Field(description="The notification's id (increasing).")
    event_id: str = Field(description="The `notification.requested.v1` event it came from (deduplication key).")
    customer_id: str = Field(description="The recipient customer's id.")
    channel: Literal["sms", "wechat"] = Field(description="sms | wechat")
    template: str = Field(description="The template, e.g. `booking_confirmed`, `tier_upgrade`, `revisit_first_sms`.")
    text: str = Field(description="The full text as sent (identity and mobile numbers in it masked)")
    mobile: str | None = Field(description="Recipient mobile, masked: 138****8000")
    reference: str | None = Field(description="What it is about (a booking id, a policy number); null if nothing.")
    source_service: str = Field(description="The service that asked for it: tiering, booking, revisit, ...")
    status: Literal["queued", "sent", "failed"] = Field(description="queued (retrying) | sent | failed (gave up)")
    attempt_count: int = Field(description="Attempts made.")
    next_attempt_at: dt.datetime | None = Field(description="When a queued notification is retried")
    last_error: str | None = Field(description="The last attempt's error (numbers masked).")
    created_at: dt.datetime = Field(description="When it was requested, Asia/Shanghai local time.")
    sent_at: dt.datetime | None = Field(description="When it was sent.")
    attempts: list[DeliveryAttemptRead] = Field(description="Every attempt, oldest first.")

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
    """A page of notifications, newest first (cursor paging)."""

    items: list[NotificationRead] = Field(description="The notifications on this page, newest first.")
