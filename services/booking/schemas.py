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
    """A partner clinic group (the webhook receiver): created or replaced by ops (PUT, `If-Match`)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="The partner's name, e.g. `美年大健康`.")
    webhook_url: str = Field(
        min_length=8,
        max_length=1000,
        pattern=r"^https?://",
        description="Where the platform POSTs `booking.requested` / `booking.cancelled` (SPEC 4.3), http(s) URL.",
    )
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
    """A partner (its webhook secret is never returned)."""

    partner_id: str = Field(description="The partner's id, e.g. `meinian`.")
    name: str = Field(description="The partner's name.")
    webhook_url: str = Field(description="The partner's webhook URL.")
    secret_set: bool = Field(default=True, description="Always true: a secret is set (it is never shown).")
    created_at: dt.datetime = Field(description="When it was created.")
    updated_at: dt.datetime = Field(description="When it was last changed.")


# --- clinics ------------------------------------------------------------------------------------------
class PackageItem(BaseModel):
    """A package a clinic offers for a service (e.g. a checkup package)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=64, description="The package code, e.g. `premium`.")
    name: str = Field(min_length=1, max_length=200, description="The package name in Chinese, e.g. `尊享体检套餐`.")


class ClinicServiceItem(BaseModel):
    """A service a clinic offers, with its daily capacity (SPEC 4.2)."""

    model_config = ConfigDict(extra="forbid")

    service_code: str = Field(
        min_length=1, max_length=64, description="The catalog service code, e.g. `dental_cleaning`."
    )
    daily_capacity: int = Field(
        ge=0,
        le=100000,
        description="Bookings per day for this service; never exceeded, also under concurrent requests.",
    )
    packages: list[PackageItem] = Field(default_factory=list, description="Packages offered for it; empty = none.")


class ClinicWrite(BaseModel):
    """A clinic: created or replaced by ops (PUT, `If-Match`)."""

    model_config = ConfigDict(extra="forbid")

    partner_id: str = Field(
        min_length=1, max_length=64, description="The partner that runs it and receives its bookings."
    )
    name: str = Field(min_length=1, max_length=200, description="The clinic's name, e.g. `美年大健康上海静安分院`.")
    city: str = Field(min_length=1, max_length=100, description="City, e.g. `上海`.")
    address: str = Field(min_length=1, max_length=500, description="Street address, e.g. `上海市静安区南京西路1266号`.")
    opening_weekdays: list[int] = Field(min_length=1, max_length=7, description="ISO weekdays 1 (Mon) .. 7 (Sun)")
    open_on_holidays: bool = Field(
        default=False, description="Open on statutory days off (otherwise closed on them even on an opening weekday)."
    )
    services: list[ClinicServiceItem] = Field(
        default_factory=list, description="The services offered with their capacity."
    )

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
    """A clinic with its opening days and services."""

    clinic_id: str = Field(description="The clinic's id, e.g. `meinian-sh-jingan`.")
    partner_id: str = Field(description="The partner that runs it.")
    name: str = Field(description="The clinic's name.")
    city: str = Field(description="City.")
    address: str = Field(description="Street address.")
    opening_weekdays: list[int] = Field(description="ISO weekdays 1 (Mon) .. 7 (Sun) it opens.")
    open_on_holidays: bool = Field(description="Open on statutory days off.")
    services: list[ClinicServiceItem] = Field(description="The services offered with their capacity.")


class ClinicList(PageFields):
    """A page of clinics (cursor paging)."""

    items: list[ClinicRead] = Field(description="The clinics on this page, by id.")


# --- bookings -----------------------------------------------------------------------------------------
class BookingCreate(BaseModel):
    """Book a service at a clinic for a date (SPEC 4.2: advance notice, opening day, capacity, quota)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(
        min_length=1,
        max_length=64,
        description="The customer's id, e.g. `C1001`. A customer token may book only for itself.",
    )
    service_code: str = Field(
        min_length=1, max_length=64, description="The catalog service code, e.g. `dental_cleaning`."
    )
    clinic_id: str = Field(min_length=1, max_length=64, description="The clinic, e.g. `meinian-sh-jingan`.")
    date: dt.date = Field(
        description="The appointment date; at least N working days ahead (`too_late_to_book` gives the earliest)."
    )
    beneficiary_id: str | None = Field(
        default=None, max_length=64, description="A designated relative's id; null = the customer."
    )
    package_code: str | None = Field(
        default=None, max_length=64, description="The package chosen, when the clinic offers packages for the service."
    )
    contact_mobile: str | None = Field(default=None, pattern=r"^1[3-9]\d{9}$", description="Mobile for SMS")


class HistoryItem(BaseModel):
    """One status change of a booking."""

    from_status: str | None = Field(description="The status before; null for the creation.")
    to_status: str = Field(description="The status after.")
    reason: str | None = Field(description="Why (a partner's rejection reason, `cancelled by customer`, ...).")
    actor: str = Field(description="Who: `customer:<id>`, `ops:<subject>`, `partner:<id>`, `system`.")
    at: dt.datetime = Field(description="When, ISO 8601 with offset.")


class BookingRead(BaseModel):
    """A booking with its status, deadline and history (SPEC 4.2). `contact_mobile` is masked."""

    booking_id: str = Field(description="The booking's id, e.g. `B20260928000001`.")
    status: BookingStatusCode = Field(
        description="pending (sent to the partner) → confirmed | rejected; confirmed → completed | no_show | "
        "cancelled | cancelled_late (SPEC 4.2)."
    )
    customer_id: str = Field(description="The customer's id, e.g. `C1001`.")
    beneficiary_id: str | None = Field(description="The relative it is for; null = the customer.")
    service_code: str = Field(description="The catalog service code, e.g. `dental_cleaning`.")
    clinic_id: str = Field(description="The clinic.")
    partner_id: str = Field(description="The partner that runs the clinic.")
    date: dt.date = Field(description="The appointment date.")
    package_code: str | None = Field(description="The package chosen, if any.")
    contact_mobile: str | None = Field(
        description="The SMS number given, masked, e.g. `138****8000`; null = the policies' number."
    )
    cancel_deadline: dt.datetime = Field(
        description="Free cancellation before this time: the previous working day at 12:00 Asia/Shanghai (SPEC 4.2)."
    )
    reservation_id: str = Field(description="The quota reservation in entitlements.")
    ledger: dict[str, object] | None = Field(
        default=None,
        description="The pending quota effect of the last change: `{action, reason, done, error}`; null when none.",
    )
    created_at: dt.datetime = Field(description="When it was booked.")
    updated_at: dt.datetime = Field(description="When it last changed.")
    history: list[HistoryItem] = Field(default_factory=list, description="Every status change, oldest first.")

    @field_validator("contact_mobile")
    @classmethod
    def _mask(cls, value: str | None) -> str | None:
        return mask_mobile(value)


class BookingList(PageFields):
    """A page of a customer's bookings (cursor paging)."""

    items: list[BookingRead] = Field(description="The bookings on this page, newest first.")


class CancelResult(BaseModel):
    """The outcome of a cancellation: free before the deadline, forfeited at or after it (SPEC 4.2)."""

    booking_id: str = Field(description="The booking's id.")
    status: Literal["cancelled", "cancelled_late"] = Field(
        description="cancelled (unit released) | cancelled_late (unit consumed)."
    )
    quota_released: bool = Field(description="True when the unit went back to the customer's quota.")
    cancel_deadline: dt.datetime = Field(description="The booking's free-cancellation deadline.")
    cancelled_at: dt.datetime = Field(description="When it was cancelled.")


class EarliestRead(BaseModel):
    """The earliest bookable date for a service (SPEC 4.2 advance notice), optionally at a clinic."""

    service_code: str = Field(description="The catalog service code, e.g. `dental_cleaning`.")
    requested_at: dt.datetime = Field(description="The time the answer is computed for (now).")
    advance_working_days: int = Field(description="N: working days of advance notice for this service.")
    earliest_date: dt.date = Field(description="add_working_days(today, N).")
    clinic_id: str | None = Field(default=None, description="The clinic asked about, if any.")
    earliest_open_date: dt.date | None = Field(
        default=None, description="With clinic_id: first opening day from earliest_date with a free place"
    )


class ReminderRun(BaseModel):
    """Send the day-before reminders for a date (normally the scheduler does)."""

    model_config = ConfigDict(extra="forbid")

    as_of: dt.date = Field(description="The working day to send reminders on.")


class ReminderRunResult(BaseModel):
    """The result of a reminder run."""

    as_of: dt.date = Field(description="The day run.")
    window: list[dt.date] | None = Field(
        description="The appointment dates reminded `[first, last]`; null on a day off (nothing to send)."
    )
    reminded: int = Field(description="Reminders requested.")


# --- partner webhooks ------------------------------------------------------------------------------------
class PartnerEvent(BaseModel):
    """Inbound partner webhook body (SPEC 4.3)."""

    type: Literal["booking.confirmed", "booking.rejected", "booking.completed", "booking.no_show"] = Field(
        description="What happened at the clinic."
    )
    booking_id: str = Field(min_length=1, max_length=40, description="The platform's booking id.")
    data: dict[str, object] = Field(default_factory=dict, description="Free details, e.g. a rejection `reason`.")


class WebhookAck(BaseModel):
    """The platform's answer to a partner webhook."""

    status: Literal["applied", "duplicate", "unchanged"] = Field(
        description="applied | duplicate (same `webhook-id` seen: no second effect) | unchanged (already so)."
    )
    booking_id: str | None = Field(default=None, description="The booking concerned.")
    booking_status: str | None = Field(default=None, description="Its status after the webhook.")


class AttemptRead(BaseModel):
    """One delivery attempt of an outbound webhook."""

    attempt_no: int = Field(description="1 for the first attempt.")
    started_at: dt.datetime = Field(description="When it started.")
    duration_ms: int = Field(description="How long it took, milliseconds.")
    status_code: int | None = Field(description="The partner's HTTP status; null when no answer (timeout, refused).")
    error: str | None = Field(description="What went wrong, in English; null on success.")
    outcome: str = Field(description="delivered | failed")


class ReservationHolder(BaseModel):
    """What holds an entitlement reservation made under a reference (an attempt id), for entitlements'
    reconciliation (issue 12)."""

    reference: str = Field(description="The reservation's reference: the booking attempt's id.")
    held: bool = Field(description="True while a booking, a second-opinion request or a reserving attempt holds it.")
    by: Literal["booking", "second_opinion", "attempt"] | None = Field(
        description="What holds it; null when `held` is false (the unit may be released)."
    )


class DeliveryRead(BaseModel):
    """An outbound webhook delivery to a partner and its attempts (SPEC 4.3)."""

    delivery_id: str = Field(description="The delivery's id (the `webhook-id` header of every attempt).")
    partner_id: str = Field(description="The receiving partner.")
    booking_id: str | None = Field(description="The booking concerned.")
    event_type: str = Field(description="booking.requested | booking.cancelled")
    status: str = Field(
        description="pending (retrying) | delivered | failed (gave up after the retry schedule, ≥ 24 h)."
    )
    attempts: int = Field(description="Attempts made.")
    next_attempt_at: dt.datetime | None = Field(description="When the next retry is due; null when done.")
    last_status_code: int | None = Field(description="The last attempt's HTTP status.")
    last_error: str | None = Field(description="The last attempt's error.")
    created_at: dt.datetime = Field(description="When the delivery was queued.")
    delivered_at: dt.datetime | None = Field(description="When a 2xx was received.")
    payload: dict[str, object] = Field(description="The JSON body sent.")
    attempt_log: list[AttemptRead] = Field(description="Every attempt, oldest first.")


class DeliveryList(PageFields):
    """A page of webhook deliveries (cursor paging)."""

    items: list[DeliveryRead] = Field(description="The deliveries on this page.")


# --- second opinions -------------------------------------------------------------------------------------
class SecondOpinionCreate(BaseModel):
    """Request a domestic second opinion (SPEC 4.2 SLA: contact within 1 working day)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=64, description="The customer's id, e.g. `C1001`.")
    service_code: str = Field(
        default="second_opinion_domestic", max_length=64, description="The second-opinion service code."
    )
    beneficiary_id: str | None = Field(
        default=None, max_length=64, description="A designated relative's id; null = the customer."
    )
    partner_id: str | None = Field(
        default=None, max_length=64, description="The provider; null = the default provider."
    )
    diagnosis: str | None = Field(
        default=None,
        max_length=500,
        description="The diagnosis the opinion is about (critical illnesses only), e.g. `肺腺癌`.",
    )


class SecondOpinionRead(BaseModel):
    """A second-opinion request and its SLA dates (SPEC 4.2)."""

    request_id: str = Field(description="The request's id.")
    customer_id: str = Field(description="The customer's id, e.g. `C1001`.")
    beneficiary_id: str | None = Field(description="The relative it is for; null = the customer.")
    service_code: str = Field(description="The second-opinion service code.")
    partner_id: str | None = Field(description="The provider.")
    status: str = Field(description="requested → contacted → materials_complete → delivered; or cancelled.")
    requested_at: dt.datetime = Field(description="When it was requested.")
    contact_due: dt.date = Field(description="The provider must contact the customer by this day (1 working day).")
    contacted_at: dt.datetime | None = Field(description="When the provider made contact.")
    materials_complete_at: dt.datetime | None = Field(description="When the medical materials were complete.")
    opinion_due: dt.date | None = Field(description="Opinion due: 10 working days after the materials are complete.")
    delivered_at: dt.datetime | None = Field(description="When the opinion was delivered.")
    overdue: list[str] = Field(default_factory=list, description="contact and/or opinion, as of today")


class SecondOpinionList(PageFields):
    """A page of second-opinion requests (cursor paging)."""

    items: list[SecondOpinionRead] = Field(description="The requests on this page.")
