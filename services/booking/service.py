"""Booking use cases (SPEC 4.2): create, read, cancel, transitions, reminders. Errors are declared at the top.

A booking is made in three steps so that a unit is never stranded and a booking never exists
without its reservation:

1. validate and commit a ``booking_attempts`` row (the idempotency key and the trace of the attempt);
2. reserve one unit from entitlements over HTTP (idempotency key derived from the booking id);
3. in one transaction take a capacity place (atomic conditional update), insert the booking, its
   history, the ``booking.changed.v1`` event and the outbound ``booking.requested`` webhook.

If step 3 fails the reservation is released at once; if that release fails too (or the process
dies in between), the attempt stays ``release_pending``/``reserving`` and the sweeper releases it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import BookingChangedV1, NotificationRequestedV1, Topic
from services.booking import repository as repo
from services.booking import rules, texts
from services.booking.calendar import CalendarUnknown, WorkingCalendar
from services.booking.entitlements import EntitlementsClient, EntitlementsUnavailable, NotEntitled, QuotaExhausted
from services.booking.models import Booking, Clinic, ClinicService
from services.booking.rules import BookingStatus
from services.booking.schemas import BookingCreate
from services.booking.settings import BookingSettings
from vipkit import clock
from vipkit.auth import Identity, ensure_customer_access
from vipkit.db import Database
from vipkit.events import add_event
from vipkit.problems import Conflict, NotFound, Problem, ValidationProblem
from vipkit.settings import CommonSettings

log = logging.getLogger("booking.service")

__all__ = ["EntitlementsUnavailable", "NotEntitled", "QuotaExhausted"]


# --- errors (SPEC 7.1 codes) ------------------------------------------------------------------------
class TooLateToBook(Problem):
    status = 422
    code = "too_late_to_book"


class ClinicClosed(Problem):
    status = 422
    code = "clinic_closed"


class FullyBooked(Problem):
    status = 409
    code = "fully_booked"


class CalendarUnknownProblem(Problem):
    status = 422
    code = "calendar_unknown"


class IllegalTransitionProblem(Problem):
    status = 409
    code = "illegal_transition"


class InvalidSignature(Problem):
    status = 401
    code = "invalid_signature"


def calendar_unknown(exc: CalendarUnknown) -> CalendarUnknownProblem:
    return CalendarUnknownProblem(
        f"the official working-day schedule for {exc.year} is not known yet; ops can load it "
        f"with PUT /api/v1/calendar/years/{exc.year}",
        year=exc.year,
        date=exc.day.isoformat(),
    )


def illegal(exc: rules.IllegalTransition) -> IllegalTransitionProblem:
    return IllegalTransitionProblem(str(exc), from_status=exc.from_status, to_status=exc.to_status)


SOURCE = "booking"


# --- context ------------------------------------------------------------------------------------------
@dataclass
class BookingContext:
    """What the use cases need; built in ``main.create_app``, completed at start-up."""

    settings: BookingSettings
    common: CommonSettings
    db: Database | None = None
    entitlements: EntitlementsClient | None = None
    wake_worker: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def database(self) -> Database:
        assert self.db is not None, "booking context not started"
        return self.db

    @property
    def ent(self) -> EntitlementsClient:
        assert self.entitlements is not None, "booking context not started"
        return self.entitlements

    def wake(self) -> None:
        if self.wake_worker is not None:
            self.wake_worker()


def wall_now() -> dt.datetime:
    """Real time (UTC) for plumbing timestamps that must not follow the SPEC 7.3 test clock: booking
    attempts (the sweeper's age check), webhook signatures and the delivery queue's schedule."""
    return dt.datetime.now(dt.UTC)


async def warm_catalog(ctx: BookingContext) -> None:
    """Fetch the catalog before opening a transaction, so no HTTP call happens while holding locks."""
    try:
        await ctx.ent.catalog()
    except Problem:
        pass  # names fall back to service codes


def new_booking_id() -> str:
    return f"BK{uuid.uuid4().hex[:20].upper()}"


def request_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


# --- catalog --------------------------------------------------------------------------------------------
async def bookable_entry(ctx: BookingContext, service_code: str) -> tuple[dict[str, Any], rules.BookingParams]:
    entry = await ctx.ent.service(service_code)
    if entry is None:
        raise ValidationProblem(f"unknown service_code {service_code!r}", field="service_code")
    if not entry.get("bookable") or not entry.get("booking"):
        raise ValidationProblem(f"service {service_code!r} is not bookable", field="service_code")
    return entry, rules.booking_params(entry.get("booking"))


def check_beneficiary(entry: dict[str, Any], beneficiary_id: str | None, customer_id: str) -> None:
    if beneficiary_id is None or beneficiary_id == customer_id:
        return
    allowed = (entry.get("beneficiaries") or {}).get("relations") or []
    if not allowed:
        raise NotEntitled(f"{entry.get('service_code')} may only be used by the customer themself")


# --- shared transition machinery --------------------------------------------------------------------------
async def _notify(session: AsyncSession, booking: Booking, template: str, text: str) -> None:
    await add_event(
        session,
        Topic.notification_requested.value,
        NotificationRequestedV1(
            customer_id=booking.customer_id,
            mobile=booking.contact_mobile,
            template=template,
            text=text,
            source_service=SOURCE,
            reference=booking.id,
        ),
        key=booking.customer_id,
        source=SOURCE,
    )


async def _booking_event(session: AsyncSession, booking: Booking, from_status: str | None, reason: str | None) -> None:
    await add_event(
        session,
        Topic.booking_changed.value,
        BookingChangedV1(
            booking_id=booking.id,
            customer_id=booking.customer_id,
            beneficiary_id=booking.beneficiary_id,
            service_code=booking.service_code,
            clinic_id=booking.clinic_id,
            date=booking.date,
            from_status=from_status,
            to_status=booking.status,
            reason=reason,
        ),
        key=booking.customer_id,
        source=SOURCE,
    )


async def transition(
    session: AsyncSession,
    booking: Booking,
    to_status: BookingStatus,
    *,
    actor: str,
    reason: str | None,
    service_name: str,
    ledger_reason: str | None = None,
) -> None:
    """Apply one state-machine step with all its effects, in the caller's transaction."""
    from services.booking import webhooks  # cycle: webhooks uses the errors above

    from_status = booking.status
    try:
        rules.check_transition(from_status, to_status)
    except rules.IllegalTransition as exc:
        raise illegal(exc) from exc
    now = clock.now()
    if not await repo.set_status_if(session, booking.id, from_status, to_status, now):
        raise IllegalTransitionProblem(
            "the booking changed concurrently; read it again", from_status=from_status, to_status=to_status
        )
    booking.status = to_status
    booking.updated_at = now
    await repo.add_history(session, booking.id, from_status, to_status, reason, actor, now)
    await _booking_event(session, booking, from_status, reason)
    if to_status not in rules.HOLDS_CAPACITY:
        await repo.free_place(session, booking.clinic_id, booking.service_code, booking.date)
    effect = rules.LEDGER_EFFECT.get(to_status)
    if effect is not None:
        booking.ledger_action = effect
        booking.ledger_reason = ledger_reason or to_status.value
        booking.ledger_done_at = None
        booking.ledger_attempts = 0
        booking.ledger_error = None
    found = await repo.get_clinic(session, booking.clinic_id)
    clinic_name, address = (found[0].name, found[0].address) if found else (booking.clinic_id, "")
    if to_status == BookingStatus.confirmed:
        text = texts.booking_confirmed(service_name, clinic_name, address, booking.date, booking.cancel_deadline)
        await _notify(session, booking, "booking_confirmed", text)
    elif to_status == BookingStatus.rejected:
        await _notify(
            session,
            booking,
            "booking_rejected",
            texts.booking_rejected(service_name, clinic_name, booking.date, reason),
        )
    elif to_status in (BookingStatus.cancelled, BookingStatus.cancelled_late):
        late = to_status == BookingStatus.cancelled_late
        await _notify(session, booking, "booking_cancelled", texts.booking_cancelled(service_name, booking.date, late))
        partner = await repo.get_partner(session, booking.partner_id)
        if partner is not None:
            await webhooks.enqueue(
                session, partner.id, booking.id, "booking.cancelled", webhooks.booking_payload(booking, reason=reason)
            )
    await session.flush()


async def settle_ledger(ctx: BookingContext, booking_id: str) -> bool:
    """Apply the booking's pending consume/release at entitlements; True when done (idempotent)."""
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None or booking.ledger_action is None or booking.ledger_done_at is not None:
            return True
        action, reason, reservation_id = booking.ledger_action, booking.ledger_reason or "", booking.reservation_id
    error: str | None = None
    try:
        if action == "consume":
            await ctx.ent.consume(reservation_id, reason)
        else:
            await ctx.ent.release(reservation_id, reason)
    except Problem as exc:
        error = f"{exc.code}: {exc.detail}"
        log.warning("entitlement %s failed for %s: %s", action, booking_id, error)
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None:
            return False
        if error is None:
            booking.ledger_done_at = clock.now()
            booking.ledger_error = None
        else:
            booking.ledger_attempts += 1
            booking.ledger_error = error[:2000]
    return error is None


# --- reads ------------------------------------------------------------------------------------------------
async def booking_view(session: AsyncSession, booking: Booking) -> dict[str, Any]:
    history = await repo.booking_history(session, booking.id)
    return {
        "booking_id": booking.id,
        "status": booking.status,
        "customer_id": booking.customer_id,
        "beneficiary_id": booking.beneficiary_id,
        "service_code": booking.service_code,
        "clinic_id": booking.clinic_id,
        "partner_id": booking.partner_id,
        "date": booking.date,
        "package_code": booking.package_code,
        "contact_mobile": booking.contact_mobile,
        "cancel_deadline": booking.cancel_deadline.astimezone(clock.SHANGHAI),
        "reservation_id": booking.reservation_id,
        "ledger": (
            {
                "action": booking.ledger_action,
                "reason": booking.ledger_reason,
                "done": booking.ledger_done_at is not None,
                "error": booking.ledger_error,
            }
            if booking.ledger_action
            else None
        ),
        "created_at": booking.created_at,
        "updated_at": booking.updated_at,
        "history": [
            {"from_status": h.from_status, "to_status": h.to_status, "reason": h.reason, "actor": h.actor, "at": h.at}
            for h in history
        ],
    }


async def get_booking_for(session: AsyncSession, identity: Identity, booking_id: str) -> Booking:
    booking = await repo.get_booking(session, booking_id)
    if booking is None or not identity.can_access_customer(booking.customer_id):
        raise NotFound("booking not found")
    return booking


# --- earliest date ------------------------------------------------------------------------------------------
async def earliest(ctx: BookingContext, identity: Identity, service_code: str, clinic_id: str | None) -> dict[str, Any]:
    _entry, params = await bookable_entry(ctx, service_code)
    now = clock.now()
    async with ctx.database.transaction() as session:
        cal = await repo.load_calendar(session)
        try:
            first = rules.earliest_bookable_date(cal, now, params.advance_working_days)
        except CalendarUnknown as exc:
            raise calendar_unknown(exc) from exc
        result: dict[str, Any] = {
            "service_code": service_code,
            "requested_at": now,
            "advance_working_days": params.advance_working_days,
            "earliest_date": first,
        }
        if clinic_id is not None:
            clinic, service = await _clinic_service(session, clinic_id, service_code)
            result["clinic_id"] = clinic_id
            result["earliest_open_date"] = await _first_open_day(session, cal, clinic, service, first)
        return result


async def _first_open_day(
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


async def _clinic_service(session: AsyncSession, clinic_id: str, service_code: str) -> tuple[Clinic, ClinicService]:
    found = await repo.get_clinic(session, clinic_id)
    if found is None:
        raise NotFound(f"clinic {clinic_id!r} not found")
    clinic, services = found
    service = next((s for s in services if s.service_code == service_code), None)
    if service is None:
        raise ValidationProblem(f"clinic {clinic_id} does not offer {service_code}", field="clinic_id")
    return clinic, service


# --- create -------------------------------------------------------------------------------------------------
async def create_booking(
    ctx: BookingContext, identity: Identity, body: BookingCreate, idempotency_key: str | None
) -> tuple[dict[str, Any], bool]:
    """Returns (booking view, created); ``created`` is False for an idempotent replay."""
    ensure_customer_access(identity, body.customer_id)
    db = ctx.database
    fingerprint = request_hash(body.model_dump(mode="json"))
    if idempotency_key:
        async with db.transaction() as session:
            replay = await _replay(session, body.customer_id, idempotency_key, fingerprint)
            if replay is not None:
                return replay, False
    entry, params = await bookable_entry(ctx, body.service_code)
    if params.kind != "appointment" and body.service_code.startswith("second_opinion"):
        raise ValidationProblem("second opinions are requested with POST /api/v1/second-opinions", field="service_code")
    check_beneficiary(entry, body.beneficiary_id, body.customer_id)
    now = clock.now()
    booking_id = new_booking_id()

    # step 1: validate against the calendar, the clinic and the capacity; record the attempt
    async with db.transaction() as session:
        cal = await repo.load_calendar(session)
        clinic, service = await _clinic_service(session, body.clinic_id, body.service_code)
        if body.package_code is not None and body.package_code not in {p["code"] for p in service.packages}:
            raise ValidationProblem(f"clinic {clinic.id} has no package {body.package_code!r}", field="package_code")
        try:
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
            deadline = rules.cancel_deadline(
                cal, body.date, params.cancel_cutoff_working_days, params.cancel_cutoff_hour
            )
        except CalendarUnknown as exc:
            raise calendar_unknown(exc) from exc
        if await repo.booked_count(session, clinic.id, service.service_code, body.date) >= service.daily_capacity:
            raise _fully_booked(clinic.id, body.service_code, body.date, service.daily_capacity)
        inserted = await repo.insert_attempt(
            session,
            {
                "booking_id": booking_id,
                "customer_id": body.customer_id,
                "idempotency_key": idempotency_key,
                "request_hash": fingerprint,
                "status": "reserving",
                "created_at": wall_now(),
                "updated_at": wall_now(),
            },
        )
        partner_id = clinic.partner_id
        if not inserted:  # a concurrent request with the same key won the race
            replay = await _replay(session, body.customer_id, idempotency_key or "", fingerprint)
            if replay is not None:
                return replay, False
            raise Conflict("a request with this Idempotency-Key is being processed")

    # step 2: reserve one unit (outside any transaction)
    try:
        reservation = await ctx.ent.reserve(
            idempotency_key=f"booking:{booking_id}",
            customer_id=body.customer_id,
            service_code=body.service_code,
            beneficiary_id=body.beneficiary_id,
            reference=booking_id,
        )
    except EntitlementsUnavailable as exc:
        # we cannot know whether the unit was reserved: the sweeper checks by reference
        await _finish_attempt(db, booking_id, "release_pending", error=exc.detail)
        raise
    except Problem as exc:
        await _finish_attempt(db, booking_id, "failed", error=f"{exc.code}: {exc.detail}")
        raise
    reservation_id = str(reservation["reservation_id"])

    # step 3: take the place and write the booking, atomically
    try:
        async with db.transaction() as session:
            if not await repo.take_place(session, body.clinic_id, body.service_code, body.date, service.daily_capacity):
                raise _fully_booked(body.clinic_id, body.service_code, body.date, service.daily_capacity)
            booking = Booking(
                id=booking_id,
                customer_id=body.customer_id,
                beneficiary_id=body.beneficiary_id,
                service_code=body.service_code,
                kind=params.kind,
                clinic_id=body.clinic_id,
                partner_id=partner_id,
                date=body.date,
                package_code=body.package_code,
                contact_mobile=body.contact_mobile,
                status=BookingStatus.pending.value,
                reservation_id=reservation_id,
                cancel_deadline=deadline,
                ledger_attempts=0,
                created_at=now,
                updated_at=now,
            )
            session.add(booking)
            await session.flush()
            actor = f"{identity.role}:{identity.sub}"
            await repo.add_history(session, booking_id, None, BookingStatus.pending.value, "requested", actor, now)
            await _booking_event(session, booking, None, "requested")
            from services.booking import webhooks

            await webhooks.enqueue(
                session, partner_id, booking_id, "booking.requested", webhooks.booking_payload(booking)
            )
            attempt = await repo.get_attempt(session, booking_id)
            assert attempt is not None
            attempt.status, attempt.reservation_id, attempt.updated_at = "booked", reservation_id, wall_now()
            view = await booking_view(session, booking)
    except BaseException as exc:
        await _release_failed(ctx, booking_id, reservation_id, repr(exc))
        raise
    ctx.wake()
    return view, True


def _fully_booked(clinic_id: str, service_code: str, day: dt.date, capacity: int) -> FullyBooked:
    return FullyBooked(
        f"clinic {clinic_id} has no free place for {service_code} on {day.isoformat()}",
        date=day.isoformat(),
        daily_capacity=capacity,
    )


async def _replay(session: AsyncSession, customer_id: str, key: str, fingerprint: str) -> dict[str, Any] | None:
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


async def _finish_attempt(db: Database, attempt_id: str, status: str, *, error: str | None = None) -> None:
    """Close a failed attempt: its key is freed so the customer may retry with it."""
    async with db.transaction() as session:
        attempt = await repo.get_attempt(session, attempt_id)
        if attempt is not None:
            attempt.status = status
            attempt.idempotency_key = None
            attempt.error = (error or "")[:2000] or None
            attempt.updated_at = wall_now()


async def _release_failed(ctx: BookingContext, attempt_id: str, reservation_id: str, error: str) -> None:
    try:
        await ctx.ent.release(reservation_id, "booking_failed")
    except Exception as exc:
        log.warning("release after failed booking failed; left to the sweeper", extra={"booking_id": attempt_id})
        await _finish_attempt(ctx.database, attempt_id, "release_pending", error=f"{error}; release: {exc!r}")
        return
    await _finish_attempt(ctx.database, attempt_id, "failed", error=error)


async def sweep_attempts(ctx: BookingContext, now: dt.datetime | None = None) -> int:
    """Release reservations whose booking does not exist (crashed or failed attempts)."""
    now = now or wall_now()
    older_than = now - dt.timedelta(seconds=ctx.settings.sweeper_grace_seconds)
    async with ctx.database.transaction() as session:
        attempts = [(a.booking_id, a.status) for a in await repo.stale_attempts(session, older_than)]
    released = 0
    for attempt_id, _status in attempts:
        async with ctx.database.transaction() as session:
            if await repo.get_booking(session, attempt_id) is not None or await repo.get_opinion(session, attempt_id):
                attempt = await repo.get_attempt(session, attempt_id)
                if attempt is not None:
                    attempt.status = "booked"
                continue
        try:
            reservations = await ctx.ent.reservations_for(attempt_id)
            for reservation in reservations:
                if reservation.get("status") == "reserved":
                    await ctx.ent.release(str(reservation["reservation_id"]), "booking_failed")
                    released += 1
        except Problem as exc:
            log.warning("sweeper could not release for %s: %s", attempt_id, exc.detail)
            continue
        async with ctx.database.transaction() as session:
            if (
                await repo.get_booking(session, attempt_id) is None
                and await repo.get_opinion(session, attempt_id) is None
            ):
                attempt = await repo.get_attempt(session, attempt_id)
                if attempt is not None:
                    attempt.status = "failed"
                    attempt.idempotency_key = None
                    attempt.updated_at = wall_now()
    return released


# --- cancel ----------------------------------------------------------------------------------------------------
async def cancel_booking(
    ctx: BookingContext, identity: Identity, booking_id: str, reason: str | None
) -> dict[str, Any]:
    now = clock.now()
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        booking = await get_booking_for(session, identity, booking_id)
        try:
            decision = rules.decide_cancellation(booking.status, now, booking.cancel_deadline)
        except rules.IllegalTransition as exc:
            raise illegal(exc) from exc
        service_name = await _service_name(ctx, booking.service_code)
        await transition(
            session,
            booking,
            decision.status,
            actor=f"{identity.role}:{identity.sub}",
            reason=reason or ("cancelled in time" if decision.quota_released else "cancelled after the deadline"),
            service_name=service_name,
            ledger_reason=decision.status.value,
        )
        result = {
            "booking_id": booking.id,
            "status": decision.status.value,
            "quota_released": decision.quota_released,
            "cancel_deadline": booking.cancel_deadline.astimezone(clock.SHANGHAI),
            "cancelled_at": now,
        }
    await settle_ledger(ctx, booking_id)
    ctx.wake()
    return result


async def _service_name(ctx: BookingContext, service_code: str) -> str:
    try:
        entry = await ctx.ent.service(service_code)
    except Problem:
        entry = None
    return str((entry or {}).get("name") or service_code)


# --- reminders (001: day-before confirmation) --------------------------------------------------------------------
async def run_reminders(ctx: BookingContext, as_of: dt.date) -> dict[str, Any]:
    """Send a reminder for every confirmed booking whose previous working day is ``as_of`` (idempotent)."""
    reminded = 0
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        cal = await repo.load_calendar(session)
        try:
            window = rules.reminder_window(cal, as_of)
        except CalendarUnknown as exc:
            raise calendar_unknown(exc) from exc
        if window is not None:
            names: dict[str, str] = {}
            for booking in await repo.bookings_to_remind(session, *window):
                if not await repo.mark_reminded(session, booking.id, clock.now()):
                    continue
                if booking.service_code not in names:
                    names[booking.service_code] = await _service_name(ctx, booking.service_code)
                found = await repo.get_clinic(session, booking.clinic_id)
                clinic_name, address = (found[0].name, found[0].address) if found else (booking.clinic_id, "")
                text = texts.booking_reminder(names[booking.service_code], clinic_name, address, booking.date)
                await _notify(session, booking, "booking_reminder", text)
                reminded += 1
    return {"as_of": as_of, "window": list(window) if window else None, "reminded": reminded}
