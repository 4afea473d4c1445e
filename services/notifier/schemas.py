"""Notifier API models (pydantic), kept apart from the tables."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from vipkit.pagination import PageFields


class DeliveryAttemptRead(BaseModel):
    """One attempt to deliver a notification through a channel adapter."""

    attempt_no: int = Field(description="1 for the first attempt.")
    attempted_at: dt.datetime = Field(description="When, Asia/Shanghai local time with offset.")
    adapter: str = Field(description="sms-gateway, wechat-template, or sink-sms / sink-wechat in development")
    outcome: Literal["sent", "failed"] = Field(description="sent | failed")
    error: str | None = Field(description="What went wrong (numbers masked); null when sent.")
    provider_message_id: str | None = Field(description="The SMS gateway's or WeChat's message id, when sent.")


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


class NotificationList(PageFields):
    """A page of notifications, newest first (cursor paging)."""

    items: list[NotificationRead] = Field(description="The notifications on this page, newest first.")
