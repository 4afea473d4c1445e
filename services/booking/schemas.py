"""Booking API models (pydantic), kept apart from the tables."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vipkit.masking import mask_mobile
from vipkit.pagination import PageFields

BookingStatusCode = Literal["pending", "confirmed", "rejected", "cancelled", "cancelled_late", "completed", "no_show"]


# --- partners ---------------------------------------------------------------------------------------
class PartnerWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    webhook_url: str = Field(min_length=8, max_length=1000, pattern=r"^https?://")
    secret: str = Field(
        min_length=10, max_length=200, description="Standard Webhooks secret `whsec_<base64>` (never returned)"
    )

    @field_validator("secret")
    @classmethod
    def _whsec(cls, value: str) -> str:
        if not value.startswith("whsec_"):
            raise ValueError("secret must be in Standard Webhooks form whsec_<base64>")
        try:
            raw = base64.b64decode(value[len("whsec_") :], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("secret is not valid base64 after whsec_") from exc
        if len(raw) < 16:
            raise ValueError("secret must decode to at least 16 bytes")
        return value


class PartnerRead(BaseModel):
    partner_id: str
    name: str
    webhook_url: str
    secret_set: bool = True
    created_at: dt.datetime
    updated_at: dt.datetime


# --- clinics ------------------------------------------------------------------------------------------
class PackageItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)


class ClinicServiceItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service_code: str = Field(min_length=1, max_length=64)
    daily_capacity: int = Field(ge=0, le=100000)
    packages: list[PackageItem] = Field(default_factory=list)


class ClinicWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    partner_id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    city: str = Field(min_length=1, max_length=100)
    address: str = Field(min_length=1, max_length=500)
    opening_weekdays: list[int] = Field(min_length=1, max_length=7, description="ISO weekdays 1 (Mon) .. 7 (Sun)")
    open_on_holidays: bool = False
    services: list[ClinicServiceItem] = Field(default_factory=list)

    @field_validator("opening_weekdays")
    @classmethod
    def _weekdays(cls, value: list[int]) -> list[int]:
        if any(d < 1 or d > 7 for d in value):
            raise ValueError("opening_weekdays are ISO weekdays 1..7")
        if len(set(value)) != len(value):
            raise ValueError("opening_weekdays must not repeat")
        return sorted(value)

    @field_validator("services")
    @classmethod
    def _unique_services(cls, value: list[ClinicServiceItem]) -> list[ClinicServiceItem]:
        codes = [s.service_code for s in value]
        if len(set(codes)) != len(codes):
            raise ValueError("each service_code may appear once")
        return value


class ClinicRead(BaseModel):
    clinic_id: str
    partner_id: str
    name: str
    city: str
    address: str
    opening_weekdays: list[int]
    open_on_holidays: bool
    services: list[ClinicServiceItem]


class ClinicList(PageFields):
    items: list[ClinicRead]


# --- calendar ------------------------------------------------------------------------------------------
class CalendarDay(BaseModel):
    date: dt.date
    working: bool
    holiday: bool
    name: str | None
    source: str


class WorkingDays(BaseModel):
    items: list[CalendarDay]


class OverrideWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    working: bool
    name: str | None = Field(default=None, max_length=100)


class OverrideRead(BaseModel):
    date: dt.date
    working: bool
    name: str | None
    updated_by: str
    updated_at: dt.datetime


class ScheduleDay(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    name: str = Field(min_length=1, max_length=100)


class YearScheduleWrite(BaseModel):
    """A year's official schedule as the State Council publishes it."""

    model_config = ConfigDict(extra="forbid")

    days_off: list[ScheduleDay] = Field(description="Every declared day off (weekdays and weekends of the breaks)")
    working_days: list[ScheduleDay] = Field(
        default_factory=list, description="Weekend days declared make-up working days (调休上班)"
    )
    source: str | None = Field(default=None, max_length=500, description="e.g. the notice's URL")


class YearScheduleRead(BaseModel):
    year: int
    source: str | None
    days_off: list[ScheduleDay]
    working_days: list[ScheduleDay]
    loaded_by: str
    loaded_at: dt.datetime


class CalendarYears(BaseModel):
    package_years: list[int]
    loaded_years: list[int]
    known_years: list[int] = Field(default_factory=list, description="Every year with a known schedule")
    next_year: int | None = None
    next_year_known: bool | None = None
    warning: str | None = Field(
        default=None, description="Set from 1 December while next year's official schedule is not loaded"
    )


# --- bookings -----------------------------------------------------------------------------------------
class BookingCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=64)
    service_code: str = Field(min_length=1, max_length=64)
    clinic_id: str = Field(min_length=1, max_length=64)
    date: dt.date
    beneficiary_id: str | None = Field(default=None, max_length=64)
    package_code: str | None = Field(default=None, max_length=64)
    contact_mobile: str | None = Field(default=None, pattern=r"^1[3-9]\d{9}$", description="Mobile for SMS")


class HistoryItem(BaseModel):
    from_status: str | None
    to_status: str
    reason: str | None
    actor: str
    at: dt.datetime


class BookingRead(BaseModel):
    booking_id: str
    status: BookingStatusCode
    customer_id: str
    beneficiary_id: str | None
    service_code: str
    clinic_id: str
    partner_id: str
    date: dt.date
    package_code: str | None
    contact_mobile: str | None
    cancel_deadline: dt.datetime
    reservation_id: str
    ledger: dict[str, object] | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    history: list[HistoryItem] = Field(default_factory=list)

    @field_validator("contact_mobile")
    @classmethod
    def _mask(cls, value: str | None) -> str | None:
        return mask_mobile(value)


class BookingList(PageFields):
    items: list[BookingRead]


class CancelResult(BaseModel):
    booking_id: str
    status: Literal["cancelled", "cancelled_late"]
    quota_released: bool
    cancel_deadline: dt.datetime
    cancelled_at: dt.datetime


class EarliestRead(BaseModel):
    service_code: str
    requested_at: dt.datetime
    advance_working_days: int
    earliest_date: dt.date
    clinic_id: str | None = None
    earliest_open_date: dt.date | None = Field(
        default=None, description="With clinic_id: first opening day from earliest_date with a free place"
    )


class ReminderRun(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: dt.date


class ReminderRunResult(BaseModel):
    as_of: dt.date
    window: list[dt.date] | None
    reminded: int


# --- partner webhooks ------------------------------------------------------------------------------------
class PartnerEvent(BaseModel):
    """Inbound partner webhook body (SPEC 4.3)."""

    type: Literal["booking.confirmed", "booking.rejected", "booking.completed", "booking.no_show"]
    booking_id: str = Field(min_length=1, max_length=40)
    data: dict[str, object] = Field(default_factory=dict)


class WebhookAck(BaseModel):
    status: Literal["applied", "duplicate", "unchanged"]
    booking_id: str | None = None
    booking_status: str | None = None


class AttemptRead(BaseModel):
    attempt_no: int
    started_at: dt.datetime
    duration_ms: int
    status_code: int | None
    error: str | None
    outcome: str


class DeliveryRead(BaseModel):
    delivery_id: str
    partner_id: str
    booking_id: str | None
    event_type: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None
    payload: dict[str, object]
    attempt_log: list[AttemptRead]


class DeliveryList(PageFields):
    items: list[DeliveryRead]


# --- second opinions -------------------------------------------------------------------------------------
class SecondOpinionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=64)
    service_code: str = Field(default="second_opinion_domestic", max_length=64)
    beneficiary_id: str | None = Field(default=None, max_length=64)
    partner_id: str | None = Field(default=None, max_length=64)
    diagnosis: str | None = Field(default=None, max_length=500)


class SecondOpinionRead(BaseModel):
    request_id: str
    customer_id: str
    beneficiary_id: str | None
    service_code: str
    partner_id: str | None
    status: str
    requested_at: dt.datetime
    contact_due: dt.date
    contacted_at: dt.datetime | None
    materials_complete_at: dt.datetime | None
    opinion_due: dt.date | None
    delivered_at: dt.datetime | None
    overdue: list[str] = Field(default_factory=list, description="contact and/or opinion, as of today")


class SecondOpinionList(PageFields):
    items: list[SecondOpinionRead]
