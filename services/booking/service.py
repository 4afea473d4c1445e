"""Booking use cases (SPEC 4.2): earliest date, create, read, cancel, reminders.

A booking is made in three steps (the reserve saga of ``attempts``, shared with second opinions):
validate and record the attempt; reserve one unit at entitlements; take a capacity place and write
the booking, its history, ``booking.changed.v1`` and the outbound ``booking.requested`` webhook in
one transaction. State changes go through ``transitions.transition``; their consume/release effect
on the unit is settled by ``ledger``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import (
    attempts,
    contacts,
    errors,
    events,
    mapping,
    rules,
    texts,
    webhooks_out,
)
from services.booking import repository as repo
from services.booking.catalog import bookable_entry, check_beneficiary, service_name, warm_catalog
from services.booking.context import BookingContext
from services.booking.ledger import settle_ledger
from services.booking.models import Booking, Clinic, ClinicService
from services.booking.rules import BookingStatus
from services.booking.schemas import BookingCreate, BookingRead, CancelResult, EarliestRead, ReminderRunResult
from services.booking.transitions import transition
from vipkit import clock
from vipkit.auth import Identity, ensure_customer_access
from vipkit.calendar import CalendarUnknown, WorkingCalendar
from vipkit.problems import ClinicClosed, Conflict, NotFound, TooLateToBook, ValidationProblem


def new_booking_id() -> str:
    return f"BK{uuid.uuid4().hex[:20].upper()}"


# --- reads ------------------------------------------------------------------------------------------------
async def booking_view(session: AsyncSession, booking: Booking) -> BookingRead:
    return mapping.booking_read(booking, await repo.booking_history(session, booking.id))


async def get_booking_for(session: AsyncSession, identity: Identity, booking_id: str) -> Booking:
    booking = await repo.get_booking(session, booking_id)
    if booking is None or not identity.can_access_customer(booking.customer_id):
        raise NotFound("booking not found")
    return booking


# --- earliest date ------------------------------------------------------------------------------------------
async def earliest(ctx: BookingContext, identity: Identity, service_code: str, clinic_id: str | None) -> EarliestRead:
    _entry, params = await bookable_entry(ctx, service_code)
    now = clock.now()
    async with ctx.database.transaction() as session:
        cal = await ctx.calendar.get(session)
        try:
            first = rules.earliest_bookable_date(cal, now, params.advance_working_days)
        except CalendarUnknown as exc:
            raise errors.calendar_unknown(exc) from exc
        result = EarliestRead(
            service_code=service_code,
            requested_at=now,
            advance_working_days=params.advance_working_days,
            earliest_date=first,
        )
        if clinic_id is not None:
            clinic, service = await clinic_service(session, clinic_id, service_code)
            result.clinic_id = clinic_id
            result.earliest_open_date = await first_open_day(session, cal, clinic, service, first)
        return result


async def first_open_day(
    session: AsyncSession, cal: WorkingCalendar, clinic: Clinic, service: ClinicService, start: dt.date, days: int = 90
) -> dt.date | None:
    end = start + dt.timedelta(days=days)
    counts = await repo.booked_counts(session, clinic.id, service.service_code, start, end)
    day = start
    while day <= end:
        try:
            open_ = rules.clinic_open_on(cal, clinic.opening_weekdays, clinic.open_on_holidays, day)
        except CalendarUnknown:
            return None
        if open_ and counts.get(day, 0) < service.daily_capacity:
            return day
        day += dt.timedelta(days=1)
    return None


async def clinic_service(session: AsyncSession, clinic_id: str, service_code: str) -> tuple[Clinic, ClinicService]:
    found = await repo.get_clinic(session, clinic_id)
    if found is None:
        raise NotFound(f"clinic {clinic_id!r} not found")
    clinic, services = found
    service = next((s for s in services if s.service_code == service_code), None)
    if service is None:
        raise ValidationProblem(f"clinic {clinic_id} does not offer {service_code}", field="clinic_id")
    return clinic, service


# --- create -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Slot:
    """What step 1 checked: the place to take and the booking's cancellation deadline."""

    partner_id: str
    daily_capacity: int
    cancel_deadline: dt.datetime


async def create_booking(
    ctx: BookingContext, identity: Identity, body: BookingCreate, idempotency_key: str | None
) -> tuple[BookingRead, bool]:
    """Returns (booking view, created); ``created`` is False for an idempotent replay."""
    ensure_customer_access(identity, body.customer_id)
    fingerprint = attempts.request_hash(body.model_dump(mode="json"))
    booking_id = new_booking_id()
    now = clock.now()
    await warm_catalog(ctx)

    # step 1: record the attempt (a key already used answers its booking here, before any check),
    # then validate against the catalog, the calendar, the clinic and the capacity; a refusal rolls
    # the attempt back with the rest
    async with ctx.database.transaction() as session:
        if not await attempts.record_attempt(session, booking_id, body.customer_id, idempotency_key, fingerprint):
            replay = await _replay(session, body.customer_id, idempotency_key or "", fingerprint)
            if replay is not None:
                return replay, False
            raise Conflict("a request with this Idempotency-Key is being processed")
        entry, params = await bookable_entry(ctx, body.service_code)
        if params.kind != "appointment" and body.service_code.startswith("second_opinion"):
            raise ValidationProblem(
                "second opinions are requested with POST /api/v1/second-opinions", field="service_code"
            )
        check_beneficiary(entry, body.beneficiary_id, body.customer_id)
        slot = await check_slot(session, await ctx.calendar.get(session), body, params, now)

    # steps 2 and 3: reserve one unit, then take the place and write the booking, atomically
    async def write(session: AsyncSession, reservation_id: str) -> BookingRead:
        booking = new_booking(booking_id, body, params.kind, slot, reservation_id, now)
        return await write_booking(session, booking, slot, f"{identity.role}:{identity.sub}")

    unit = attempts.Unit(booking_id, "booking", body.customer_id, body.service_code, body.beneficiary_id)
    view = await attempts.reserve_and_write(ctx, unit, write)
    return view, True


async def check_slot(
    session: AsyncSession, cal: WorkingCalendar, body: BookingCreate, params: rules.BookingParams, now: dt.datetime
) -> Slot:
    """Step 1's checks: the package, the advance notice, the opening day and a free place."""
    clinic, service = await clinic_service(session, body.clinic_id, body.service_code)
    if body.package_code is not None and body.package_code not in {p["code"] for p in service.packages}:
        raise ValidationProblem(f"clinic {clinic.id} has no package {body.package_code!r}", field="package_code")
    try:
        check_date(cal, clinic, body, params, now)
        deadline = rules.cancel_deadline(cal, body.date, params.cancel_cutoff_working_days, params.cancel_cutoff_hour)
    except CalendarUnknown as exc:
        raise errors.calendar_unknown(exc) from exc
    if await repo.booked_count(session, clinic.id, service.service_code, body.date) >= service.daily_capacity:
        raise errors.fully_booked(clinic.id, body.service_code, body.date, service.daily_capacity)
    return Slot(clinic.partner_id, service.daily_capacity, deadline)


def check_date(
    cal: WorkingCalendar, clinic: Clinic, body: BookingCreate, params: rules.BookingParams, now: dt.datetime
) -> None:
    """SPEC 4.2 advance notice and the clinic's opening days (raises ``CalendarUnknown`` for unknown years)."""
    first = rules.earliest_bookable_date(cal, now, params.advance_working_days)
    if body.date < first:
        raise TooLateToBook(
            f"{body.service_code} must be booked at least {params.advance_working_days} working days ahead; "
            f"the earliest date is {first.isoformat()}",
            earliest_date=first.isoformat(),
            advance_working_days=params.advance_working_days,
        )
    if not rules.clinic_open_on(cal, clinic.opening_weekdays, clinic.open_on_holidays, body.date):
        raise ClinicClosed(
            f"clinic {clinic.id} is closed on {body.date.isoformat()}",
            date=body.date.isoformat(),
            opening_weekdays=clinic.opening_weekdays,
            open_on_holidays=clinic.open_on_holidays,
            holiday=cal.day(body.date).name,
        )


def new_booking(
    booking_id: str, body: BookingCreate, kind: str, slot: Slot, reservation_id: str, now: dt.datetime
) -> Booking:
    return Booking(
        id=booking_id,
        customer_id=body.customer_id,
        beneficiary_id=body.beneficiary_id,
        service_code=body.service_code,
        kind=kind,
        clinic_id=body.clinic_id,
        partner_id=slot.partner_id,
        date=body.date,
        package_code=body.package_code,
        contact_mobile=body.contact_mobile,
        status=BookingStatus.pending.value,
        reservation_id=reservation_id,
        cancel_deadline=slot.cancel_deadline,
        ledger_attempts=0,
        created_at=now,
        updated_at=now,
    )


async def write_booking(session: AsyncSession, booking: Booking, slot: Slot, actor: str) -> BookingRead:
    """Step 3: take the capacity place, insert the booking with its history, event and webhook."""
    if not await repo.take_place(session, booking.clinic_id, booking.service_code, booking.date, slot.daily_capacity):
        raise errors.fully_booked(booking.clinic_id, booking.service_code, booking.date, slot.daily_capacity)
    session.add(booking)
    pending = BookingStatus.pending.value
    history = await repo.add_history(session, booking.id, None, pending, "requested", actor, booking.created_at)
    await events.booking_changed(session, booking, None, "requested")
    payload = webhooks_out.booking_payload(booking, mobile=await contacts.mobile_for(session, booking))
    await webhooks_out.enqueue(session, booking.partner_id, booking.id, "booking.requested", payload)
    return mapping.booking_read(booking, [history])  # a new booking's whole history: the row just added


async def _replay(session: AsyncSession, customer_id: str, key: str, fingerprint: str) -> BookingRead | None:
    attempt = await repo.attempt_by_key(session, customer_id, key)
    if attempt is None:
        return None
    if attempt.request_hash != fingerprint:
        raise Conflict("this Idempotency-Key was used with a different request body")
    if attempt.status == "booked":
        booking = await repo.get_booking(session, attempt.booking_id)
        if booking is not None:
            return await booking_view(session, booking)
    raise Conflict("a request with this Idempotency-Key is being processed")


# --- cancel ----------------------------------------------------------------------------------------------------
async def cancel_booking(ctx: BookingContext, identity: Identity, booking_id: str, reason: str | None) -> CancelResult:
    now = clock.now()
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        booking = await get_booking_for(session, identity, booking_id)
        try:
            decision = rules.decide_cancellation(booking.status, now, booking.cancel_deadline)
        except rules.IllegalTransition as exc:
            raise errors.illegal(exc) from exc
        await transition(
            session,
            booking,
            decision.status,
            actor=f"{identity.role}:{identity.sub}",
            reason=reason or ("cancelled in time" if decision.quota_released else "cancelled after the deadline"),
            service_name=await service_name(ctx, booking.service_code),
            ledger_reason=decision.status.value,
        )
        result = CancelResult(
            booking_id=booking.id,
            status=decision.status.value,  # type: ignore[arg-type]
            quota_released=decision.quota_released,
            cancel_deadline=booking.cancel_deadline.astimezone(clock.SHANGHAI),
            cancelled_at=now,
        )
    await settle_ledger(ctx, booking_id)
    return result


# --- reminders (001: day-before confirmation) --------------------------------------------------------------------
async def run_reminders(ctx: BookingContext, as_of: dt.date) -> ReminderRunResult:
    """Send a reminder for every confirmed booking whose previous working day is ``as_of`` (idempotent)."""
    reminded = 0
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        cal = await ctx.calendar.get(session)
        try:
            window = rules.reminder_window(cal, as_of)
        except CalendarUnknown as exc:
            raise errors.calendar_unknown(exc) from exc
        if window is not None:
            names: dict[str, str] = {}
            for booking in await repo.bookings_to_remind(session, *window):
                if not await repo.mark_reminded(session, booking.id, clock.now()):
                    continue
                if booking.service_code not in names:
                    names[booking.service_code] = await service_name(ctx, booking.service_code)
                await _remind(session, booking, names[booking.service_code])
                reminded += 1
    return ReminderRunResult(as_of=as_of, window=list(window) if window else None, reminded=reminded)


async def _remind(session: AsyncSession, booking: Booking, name: str) -> None:
    found = await repo.get_clinic(session, booking.clinic_id)
    clinic_name, address = (found[0].name, found[0].address) if found else (booking.clinic_id, "")
    await events.notify(
        session, booking, "booking_reminder", texts.booking_reminder(name, clinic_name, address, booking.date)
    )
