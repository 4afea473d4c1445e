"""Booking tables (SQLAlchemy 2 typed mappings). Plumbing tables (outbox, inbox, job_runs) live in vipkit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from vipkit.db import NAMING_CONVENTION, AutoId, UtcDateTime


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- working-day calendar (SPEC 4.1) ---------------------------------------------------------------
class CalendarOverride(Base):
    """One date declared working or not by ops (beats every other source)."""

    __tablename__ = "calendar_overrides"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean, nullable=False)
    name: Mapped[str | None] = mapped_column(String(100))
    updated_by: Mapped[str] = mapped_column(String(100), nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class CalendarYear(Base):
    """A year's official schedule loaded by ops (replaces the package's data for that year)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str | None] = mapped_column(String(500))
    loaded_by: Mapped[str] = mapped_column(String(100), nullable=False)
    loaded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class CalendarVersion(Base):
    """One row (id 1): bumped in the transaction of every calendar change (per-process caches check it)."""

    __tablename__ = "calendar_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class CalendarScheduleDay(Base):
    """A day off or a make-up working day of an ops-loaded year."""

    __tablename__ = "calendar_schedule_days"

    year: Mapped[int] = mapped_column(ForeignKey("calendar_years.year", ondelete="CASCADE"), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean, nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)


# --- partners and clinics -------------------------------------------------------------------------
class Partner(Base):
    __tablename__ = "partners"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    webhook_url: Mapped[str] = mapped_column(String(1000), nullable=False)
    secret: Mapped[str] = mapped_column(String(200), nullable=False)  # whsec_...; never returned
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class Clinic(Base):
    __tablename__ = "clinics"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    city: Mapped[str] = mapped_column(String(100), nullable=False)
    address: Mapped[str] = mapped_column(String(500), nullable=False)
    opening_weekdays: Mapped[list[int]] = mapped_column(JSON, nullable=False)
    open_on_holidays: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class ClinicService(Base):
    __tablename__ = "clinic_services"

    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id", ondelete="CASCADE"), primary_key=True)
    service_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    daily_capacity: Mapped[int] = mapped_column(Integer, nullable=False)
    packages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)


class CapacityCounter(Base):
    """Places taken per (clinic, service, date): the atomic conditional update keeps it <= capacity."""

    __tablename__ = "capacity_counters"

    clinic_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    booked: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


# --- bookings -------------------------------------------------------------------------------------
class BookingAttempt(Base):
    """A booking request in flight: the idempotency key and the reservation made for it.

    Written (and committed) before the reservation is requested, so a crash between reserving and
    booking leaves a trace the sweeper uses to release the unit.
    """

    __tablename__ = "booking_attempts"
    __table_args__ = (UniqueConstraint("customer_id", "idempotency_key", name="uq_booking_attempts_key"),)

    booking_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)  # reserving|booked|failed|release_pending
    reservation_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


Index("ix_booking_attempts_status", BookingAttempt.status, BookingAttempt.created_at)


class Booking(Base):
    __tablename__ = "bookings"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    beneficiary_id: Mapped[str | None] = mapped_column(String(64))
    service_code: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="appointment")
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id"), nullable=False)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    package_code: Mapped[str | None] = mapped_column(String(64))
    contact_mobile: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    reservation_id: Mapped[str] = mapped_column(String(64), nullable=False)
    cancel_deadline: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    # the entitlement effect of the last transition, applied after commit (retried by the worker)
    ledger_action: Mapped[str | None] = mapped_column(String(10))  # release | consume
    ledger_reason: Mapped[str | None] = mapped_column(String(30))
    ledger_done_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    ledger_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    ledger_error: Mapped[str | None] = mapped_column(Text)
    reminder_sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


Index("ix_bookings_status_date", Booking.status, Booking.date)
Index("ix_bookings_ledger_pending", Booking.ledger_done_at, Booking.ledger_action)


class BookingHistory(Base):
    __tablename__ = "booking_history"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"), nullable=False, index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str | None] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(100), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


# --- partner webhooks (SPEC 4.3) ------------------------------------------------------------------
class WebhookDelivery(Base):
    """One outbound webhook message (a persistent retry queue entry)."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the webhook-id (msg_...)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partners.id"), nullable=False)
    booking_id: Mapped[str | None] = mapped_column(String(40), index=True)
    event_type: Mapped[str] = mapped_column(String(50), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)  # pending | delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # shown to ops: the delivery job's next try (the job in durable_jobs holds the schedule)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    delivery_id: Mapped[str] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), nullable=False, index=True
    )
    attempt_no: Mapped[int] = mapped_column(Integer, nullable=False)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    duration_ms: Mapped[int] = mapped_column(Integer, nullable=False)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)  # delivered | failed


class InboundWebhook(Base):
    """Partner webhook ids already applied (a repeated ``webhook-id`` has no second effect)."""

    __tablename__ = "inbound_webhooks"

    partner_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    webhook_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(50), nullable=False)
    booking_id: Mapped[str | None] = mapped_column(String(40))
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


# --- second opinions (000 SLA) --------------------------------------------------------------------
class SecondOpinion(Base):
    __tablename__ = "second_opinions"
    __table_args__ = (UniqueConstraint("customer_id", "idempotency_key", name="uq_second_opinions_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    beneficiary_id: Mapped[str | None] = mapped_column(String(64))
    service_code: Mapped[str] = mapped_column(String(64), nullable=False)
    partner_id: Mapped[str | None] = mapped_column(String(64))
    diagnosis: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(30), nullable=False)
    reservation_id: Mapped[str | None] = mapped_column(String(64))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    contact_due: Mapped[dt.date] = mapped_column(Date, nullable=False)
    contacted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    materials_complete_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    opinion_due: Mapped[dt.date | None] = mapped_column(Date)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class CustomerContact(Base):
    """A customer's mobile from their policies (``policy.changed.v1``): the newest underwritten
    policy's number wins. Booking SMS go there unless the booking request gives ``contact_mobile``."""

    __tablename__ = "customer_contacts"

    customer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mobile: Mapped[str] = mapped_column(String(32))
    policy_no: Mapped[str] = mapped_column(String(64))
    underwritten_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
