"""Booking: all SQL lives here. Functions add/flush; the caller's transaction commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking.models import (
    Booking,
    BookingAttempt,
    BookingHistory,
    CapacityCounter,
    Clinic,
    ClinicService,
    InboundWebhook,
    Partner,
    SecondOpinion,
    WebhookAttempt,
    WebhookDelivery,
)
from vipkit.db import insert_ignore, rowcount, upsert_insert
from vipkit.pagination import after_key
from vipkit.plumbing import durable_jobs_table


# --- partners and clinics ------------------------------------------------------------------------
async def get_partner(session: AsyncSession, partner_id: str) -> Partner | None:
    return await session.get(Partner, partner_id)


async def upsert_partner(
    session: AsyncSession, partner_id: str, name: str, webhook_url: str, secret: str, at: dt.datetime
) -> tuple[Partner, bool]:
    row = await session.get(Partner, partner_id)
    created = row is None
    if row is None:
        row = Partner(id=partner_id, name=name, webhook_url=webhook_url, secret=secret, created_at=at, updated_at=at)
        session.add(row)
    else:
        row.name, row.webhook_url, row.secret, row.updated_at = name, webhook_url, secret, at
    await session.flush()
    return row, created


async def get_clinic(session: AsyncSession, clinic_id: str) -> tuple[Clinic, list[ClinicService]] | None:
    clinic = await session.get(Clinic, clinic_id)
    if clinic is None:
        return None
    services = (
        await session.scalars(
            select(ClinicService).where(ClinicService.clinic_id == clinic_id).order_by(ClinicService.service_code)
        )
    ).all()
    return clinic, list(services)


async def upsert_clinic(
    session: AsyncSession, clinic_id: str, values: dict[str, Any], services: list[dict[str, Any]], at: dt.datetime
) -> bool:
    clinic = await session.get(Clinic, clinic_id)
    created = clinic is None
    if clinic is None:
        clinic = Clinic(id=clinic_id, created_at=at, updated_at=at, **values)
        session.add(clinic)
    else:
        for key, value in values.items():
            setattr(clinic, key, value)
        clinic.updated_at = at
    await session.flush()
    await session.execute(delete(ClinicService).where(ClinicService.clinic_id == clinic_id))
    session.add_all(ClinicService(clinic_id=clinic_id, **s) for s in services)
    await session.flush()
    return created


async def list_clinics(
    session: AsyncSession,
    service_code: str | None = None,
    city: str | None = None,
    *,
    limit: int | None = None,
    after: Sequence[Any] | None = None,
) -> list[tuple[Clinic, list[ClinicService]]]:
    """By clinic id; keyset-paged with ``after`` (the last id) and ``limit``."""
    query = select(Clinic).where(after_key((Clinic.id,), after)).order_by(Clinic.id).limit(limit)
    if service_code:
        query = query.where(
            Clinic.id.in_(select(ClinicService.clinic_id).where(ClinicService.service_code == service_code))
        )
    if city:
        query = query.where(Clinic.city == city)
    clinics = (await session.scalars(query)).all()
    if not clinics:
        return []
    services = (
        await session.scalars(
            select(ClinicService)
            .where(ClinicService.clinic_id.in_([c.id for c in clinics]))
            .order_by(ClinicService.service_code)
        )
    ).all()
    by_clinic: dict[str, list[ClinicService]] = {}
    for s in services:
        by_clinic.setdefault(s.clinic_id, []).append(s)
    return [(c, by_clinic.get(c.id, [])) for c in clinics]


# --- capacity ----------------------------------------------------------------------------------------
async def booked_count(session: AsyncSession, clinic_id: str, service_code: str, day: dt.date) -> int:
    value = await session.scalar(
        select(CapacityCounter.booked).where(
            CapacityCounter.clinic_id == clinic_id,
            CapacityCounter.service_code == service_code,
            CapacityCounter.date == day,
        )
    )
    return int(value or 0)


async def booked_counts(
    session: AsyncSession, clinic_id: str, service_code: str, start: dt.date, end: dt.date
) -> dict[dt.date, int]:
    rows = await session.execute(
        select(CapacityCounter.date, CapacityCounter.booked).where(
            CapacityCounter.clinic_id == clinic_id,
            CapacityCounter.service_code == service_code,
            CapacityCounter.date >= start,
            CapacityCounter.date <= end,
        )
    )
    return {d: int(b) for d, b in rows.all()}


async def take_place(session: AsyncSession, clinic_id: str, service_code: str, day: dt.date, capacity: int) -> bool:
    """Atomically take one place in one statement: the counter row is inserted at 1, or incremented
    only while below ``capacity`` (INSERT ... ON CONFLICT DO UPDATE ... WHERE; never exceeds it)."""
    if capacity < 1:
        return False
    table = cast(Table, CapacityCounter.__table__)
    stmt = upsert_insert(session, table).values(clinic_id=clinic_id, service_code=service_code, date=day, booked=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.clinic_id, table.c.service_code, table.c.date],
        set_={"booked": table.c.booked + 1},
        where=table.c.booked < capacity,
    )
    return rowcount(await session.execute(stmt)) == 1


async def free_place(session: AsyncSession, clinic_id: str, service_code: str, day: dt.date) -> None:
    await session.execute(
        update(CapacityCounter)
        .where(
            CapacityCounter.clinic_id == clinic_id,
            CapacityCounter.service_code == service_code,
            CapacityCounter.date == day,
            CapacityCounter.booked > 0,
        )
        .values(booked=CapacityCounter.booked - 1)
    )


# --- booking attempts (idempotency + reservation trace) -------------------------------------------------
async def insert_attempt(session: AsyncSession, values: dict[str, Any]) -> bool:
    return await insert_ignore(session, BookingAttempt.__table__, values)  # type: ignore[arg-type]


async def attempt_by_key(session: AsyncSession, customer_id: str, key: str) -> BookingAttempt | None:
    return await session.scalar(
        select(BookingAttempt).where(BookingAttempt.customer_id == customer_id, BookingAttempt.idempotency_key == key)
    )


async def get_attempt(session: AsyncSession, attempt_id: str) -> BookingAttempt | None:
    return await session.get(BookingAttempt, attempt_id)


async def mark_attempt_booked(session: AsyncSession, attempt_id: str, reservation_id: str, at: dt.datetime) -> bool:
    """The attempt's booking (or request) is written: one UPDATE, no read first."""
    result = await session.execute(
        update(BookingAttempt)
        .where(BookingAttempt.booking_id == attempt_id)
        .values(status="booked", reservation_id=reservation_id, updated_at=at)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1


async def stale_attempts(session: AsyncSession, older_than: dt.datetime, limit: int = 50) -> list[BookingAttempt]:
    rows = await session.scalars(
        select(BookingAttempt)
        .where(
            ((BookingAttempt.status == "reserving") & (BookingAttempt.created_at < older_than))
            | (BookingAttempt.status == "release_pending")
        )
        .order_by(BookingAttempt.created_at)
        .limit(limit)
    )
    return list(rows.all())


# --- bookings -------------------------------------------------------------------------------------------
async def get_booking(session: AsyncSession, booking_id: str) -> Booking | None:
    return await session.get(Booking, booking_id)


async def booking_history(session: AsyncSession, booking_id: str) -> list[BookingHistory]:
    rows = await session.scalars(
        select(BookingHistory).where(BookingHistory.booking_id == booking_id).order_by(BookingHistory.id)
    )
    return list(rows.all())


async def customer_bookings(
    session: AsyncSession,
    customer_id: str,
    status: str | None = None,
    *,
    limit: int | None = None,
    after: Sequence[Any] | None = None,
) -> list[Booking]:
    """Latest appointment first, keyset-paged on (date, created_at, id) descending."""
    order = (Booking.date, Booking.created_at, Booking.id)
    query = select(Booking).where(Booking.customer_id == customer_id, after_key(order, after, descending=True))
    if status:
        query = query.where(Booking.status == status)
    return list((await session.scalars(query.order_by(*(c.desc() for c in order)).limit(limit))).all())


async def set_status_if(
    session: AsyncSession, booking_id: str, from_status: str, to_status: str, at: dt.datetime
) -> bool:
    """Compare-and-set of the status (a concurrent transition makes this one lose)."""
    result = await session.execute(
        update(Booking)
        .where(Booking.id == booking_id, Booking.status == from_status)
        .values(status=to_status, updated_at=at)
    )
    return rowcount(result) == 1


async def add_history(
    session: AsyncSession,
    booking_id: str,
    from_status: str | None,
    to_status: str,
    reason: str | None,
    actor: str,
    at: dt.datetime,
) -> BookingHistory:
    row = BookingHistory(
        booking_id=booking_id, from_status=from_status, to_status=to_status, reason=reason, actor=actor, at=at
    )
    session.add(row)
    await session.flush()
    return row


async def bookings_to_remind(session: AsyncSession, start: dt.date, end: dt.date) -> list[Booking]:
    rows = await session.scalars(
        select(Booking)
        .where(
            Booking.status == "confirmed",
            Booking.date >= start,
            Booking.date <= end,
            Booking.reminder_sent_at.is_(None),
        )
        .order_by(Booking.date, Booking.id)
    )
    return list(rows.all())


async def mark_reminded(session: AsyncSession, booking_id: str, at: dt.datetime) -> bool:
    result = await session.execute(
        update(Booking).where(Booking.id == booking_id, Booking.reminder_sent_at.is_(None)).values(reminder_sent_at=at)
    )
    return rowcount(result) == 1


# --- webhook deliveries -----------------------------------------------------------------------------------
async def webhook_job_due_now(session: AsyncSession, job_key: str, now: dt.datetime) -> None:
    """A delivery job still pending in its backoff runs now (ops retry of its delivery)."""
    j = durable_jobs_table
    await session.execute(update(j).where(j.c.dedupe_key == job_key, j.c.state == "pending").values(run_after=now))


async def list_deliveries(
    session: AsyncSession,
    booking_id: str | None,
    status: str | None,
    *,
    limit: int | None = None,
    after: Sequence[Any] | None = None,
) -> list[tuple[WebhookDelivery, list[WebhookAttempt]]]:
    """Newest first, keyset-paged on (created_at, id) descending; no cap unless ``limit`` is given."""
    order = (WebhookDelivery.created_at, WebhookDelivery.id)
    query = (
        select(WebhookDelivery)
        .where(after_key(order, after, descending=True))
        .order_by(*(c.desc() for c in order))
        .limit(limit)
    )
    if booking_id:
        query = query.where(WebhookDelivery.booking_id == booking_id)
    if status:
        query = query.where(WebhookDelivery.status == status)
    deliveries = list((await session.scalars(query)).all())
    if not deliveries:
        return []
    attempts = (
        await session.scalars(
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id.in_([d.id for d in deliveries]))
            .order_by(WebhookAttempt.attempt_no)
        )
    ).all()
    by_delivery: dict[str, list[WebhookAttempt]] = {}
    for a in attempts:
        by_delivery.setdefault(a.delivery_id, []).append(a)
    return [(d, by_delivery.get(d.id, [])) for d in deliveries]


# --- inbound webhooks ----------------------------------------------------------------------------------------
async def remember_inbound(
    session: AsyncSession, partner_id: str, webhook_id: str, event_type: str, booking_id: str | None, at: dt.datetime
) -> bool:
    """True the first time this partner's ``webhook-id`` is seen (insert-or-ignore)."""
    return await insert_ignore(
        session,
        InboundWebhook.__table__,  # type: ignore[arg-type]
        {
            "partner_id": partner_id,
            "webhook_id": webhook_id,
            "event_type": event_type,
            "booking_id": booking_id,
            "received_at": at,
        },
    )


# --- second opinions --------------------------------------------------------------------------------------
async def get_opinion(session: AsyncSession, request_id: str) -> SecondOpinion | None:
    return await session.get(SecondOpinion, request_id)


async def open_opinions(session: AsyncSession) -> list[SecondOpinion]:
    rows = await session.scalars(
        select(SecondOpinion)
        .where(SecondOpinion.status.in_(("requested", "contacted", "materials_complete")))
        .order_by(SecondOpinion.requested_at)
    )
    return list(rows.all())
