"""CloudEvents 1.0 envelope and the data model of every topic (SPEC 6).

Messages are structured-mode JSON, keyed by customer number. The extension attribute
``testnow`` carries the test clock (SPEC 7.3) and is only honoured when ``VIP_TEST_CLOCK=1``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.policy import PolicyDocument


class Topic(StrEnum):
    core_policy_events = "core.policy-events.v1"
    policy_changed = "policy.changed.v1"
    tier_changed = "tier.changed.v1"
    entitlement_changed = "entitlement.changed.v1"
    booking_changed = "booking.changed.v1"
    revisit_changed = "revisit.changed.v1"
    notification_requested = "notification.requested.v1"
    calendar_changed = "calendar.changed.v1"


TOPICS: list[str] = [t.value for t in Topic]


class CloudEvent(BaseModel):
    """CloudEvents 1.0 structured-mode envelope."""

    model_config = ConfigDict(extra="allow")

    specversion: Literal["1.0"] = "1.0"
    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    type: str = Field(min_length=1)
    time: dt.datetime
    subject: str | None = None
    datacontenttype: Literal["application/json"] = "application/json"
    data: dict[str, Any]
    testnow: dt.datetime | None = Field(
        default=None, description="Extension: the test clock's 'now' that caused this event (SPEC 7.3)."
    )
    partitionkey: str | None = Field(
        default=None, description="Extension (Kafka binding): the message key, the customer number."
    )
    traceparent: str | None = Field(
        default=None, description="Extension (distributed tracing): the W3C traceparent of the span that wrote it."
    )
    tracestate: str | None = Field(default=None, description="Extension (distributed tracing): W3C tracestate.")


class CorePolicyEventV1(BaseModel):
    """``core.policy-events.v1``: the core policy-administration system's feed."""

    model_config = ConfigDict(extra="forbid")

    policy_no: str = Field(min_length=1, max_length=64)
    policy: PolicyDocument


class PolicyChangedV1(BaseModel):
    """``policy.changed.v1``: every accepted policy change, normalized by tiering."""

    model_config = ConfigDict(extra="forbid")

    policy_no: str
    change: Literal["created", "updated"]
    holder_customer_id: str
    insured_customer_id: str | None = None
    first_policy_of_holder: bool = Field(
        description="True when the holder had no earlier policy with the insurer (revisit WeChat rule)."
    )
    policy: PolicyDocument


class TierChangedV1(BaseModel):
    """``tier.changed.v1``: every change of a customer's effective tier."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str
    program: str
    from_tier: str
    to_tier: str
    status: Literal["confirmed", "provisional", "grace", "invalid"]
    reason: Literal["upgrade", "downgrade", "invalidated", "restored", "initial"]
    score: Decimal
    effective_at: dt.datetime
    sequence: int = Field(ge=1)
    birth_date: dt.date | None = Field(
        default=None,
        description="The subject's birth date (most recent policy): service age limits (cards rescue <= 65).",
    )
    waiting_from: dt.date | None = Field(
        default=None,
        description=(
            "The date a waiting period counts from: the earliest effective or reinstatement date of the "
            "policies counted for the new tier (cards: 30 days after a policy takes effect or is reinstated)."
        ),
    )


class EntitlementChangedV1(BaseModel):
    """``entitlement.changed.v1``: a grant's numbers changed (grant, reserve, consume, release)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str
    service_code: str
    period_start: dt.date
    period_end: dt.date
    quota: int | None
    used: int
    reserved: int
    remaining: int | None
    reason: str
    reservation_id: str | None = None


class BookingChangedV1(BaseModel):
    """``booking.changed.v1``: a booking changed state."""

    model_config = ConfigDict(extra="forbid")

    booking_id: str
    customer_id: str
    beneficiary_id: str | None = None
    service_code: str
    clinic_id: str
    date: dt.date
    from_status: str | None
    to_status: str
    reason: str | None = None


class RevisitChangedV1(BaseModel):
    """``revisit.changed.v1``: a revisit task changed status (the core system reads outcomes here)."""

    model_config = ConfigDict(extra="forbid")

    task_id: str
    policy_no: str
    customer_id: str
    from_status: str | None
    to_status: str
    outcome: Literal["completed", "problem", "aborted", "closed", "phone_failed"] | None = None
    answers: list[dict[str, Any]] | None = None
    remark: str | None = None


class NotificationChannel(StrEnum):
    sms = "sms"
    wechat = "wechat"


class NotificationRequestedV1(BaseModel):
    """``notification.requested.v1``: a service asks the notifier to send a customer message."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str
    channel: NotificationChannel = NotificationChannel.sms
    mobile: str | None = Field(default=None, description="Recipient mobile (masked in every response and log).")
    template: str = Field(description="Stable template code, e.g. tier_upgrade, revisit_first_sms.")
    text: str = Field(description="Full Simplified Chinese text as sent.")
    source_service: str
    reference: str | None = Field(default=None, description="What it is about: policy_no, booking_id, ...")


class CalendarDayV1(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    name: str | None = None


class CalendarYearV1(BaseModel):
    """One official year schedule loaded by ops (it replaces the ``holidays`` package's data)."""

    model_config = ConfigDict(extra="forbid")

    year: int
    source: str | None = None
    days_off: list[CalendarDayV1]
    working_days: list[CalendarDayV1] = Field(description="Make-up working days (调休上班), weekend dates.")


class CalendarOverrideV1(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    working: bool
    name: str | None = None


class CalendarChangedV1(BaseModel):
    """``calendar.changed.v1``: booking's ops-maintained working-day calendar, whole (every loaded year
    and every override), published when ops change it and once a day. Consumers keep the newest
    (``changed_at``) and build the same ``vipkit.calendar.WorkingCalendar`` from it."""

    model_config = ConfigDict(extra="forbid")

    changed_at: dt.datetime
    years: list[CalendarYearV1]
    overrides: list[CalendarOverrideV1]


EVENT_MODELS: dict[str, type[BaseModel]] = {
    Topic.core_policy_events.value: CorePolicyEventV1,
    Topic.policy_changed.value: PolicyChangedV1,
    Topic.tier_changed.value: TierChangedV1,
    Topic.entitlement_changed.value: EntitlementChangedV1,
    Topic.booking_changed.value: BookingChangedV1,
    Topic.revisit_changed.value: RevisitChangedV1,
    Topic.notification_requested.value: NotificationRequestedV1,
    Topic.calendar_changed.value: CalendarChangedV1,
}

#: CloudEvents ``type`` attribute per topic.
EVENT_TYPES: dict[str, str] = {
    Topic.core_policy_events.value: "com.insurer.core.policy.upserted.v1",
    Topic.policy_changed.value: "com.insurer.vip.policy.changed.v1",
    Topic.tier_changed.value: "com.insurer.vip.tier.changed.v1",
    Topic.entitlement_changed.value: "com.insurer.vip.entitlement.changed.v1",
    Topic.booking_changed.value: "com.insurer.vip.booking.changed.v1",
    Topic.revisit_changed.value: "com.insurer.vip.revisit.changed.v1",
    Topic.notification_requested.value: "com.insurer.vip.notification.requested.v1",
    Topic.calendar_changed.value: "com.insurer.vip.calendar.changed.v1",
}
