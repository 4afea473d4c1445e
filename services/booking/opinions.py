"""Second-opinion requests (SPEC 4.2, handbook 000): SLA due dates in working days, overdue list.

The provider contacts the customer within ``sla.contact_working_days`` (1) working day of the
request; the opinion is due ``sla.opinion_working_days`` (10) working days after the materials are
complete, both from the service's catalog entry. Only services the catalog gives an opinion SLA are
second opinions (other request-kind services, e.g. assisted registration, are booked as bookings).
A request reserves one unit (like a booking, with the same attempt trace and sweeper); delivering
the opinion consumes it, cancelling releases it.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import attempts, calendar_repository, errors, ledger, mapping, rules
from services.booking import repository as repo
from services.booking.catalog import bookable_entry, check_beneficiary
from services.booking.context import BookingContext
from services.booking.models import SecondOpinion
from services.booking.schemas import SecondOpinionCreate, SecondOpinionRead
from vipkit import clock
from vipkit.auth import Identity, ensure_customer_access
from vipkit.calendar import CalendarUnknown
from vipkit.problems import Conflict, IllegalTransition, NotFound, Problem, ValidationProblem

log = logging.getLogger("booking.opinions")

STEPS = {
    "contacted": ("requested", "contacted"),
    "materials-complete": ("contacted", "materials_complete"),
    "delivered": ("materials_complete", "delivered"),
    "cancel": (None, "cancelled"),
}


async def create_opinion(
    ctx: BookingContext, identity: Identity, body: SecondOpinionCreate, idempotency_key: str | None
) -> tuple[SecondOpinionRead, bool]:
    """Returns (request view, created): the request's contact SLA, then the reserve saga writes it."""
    ensure_customer_access(identity, body.customer_id)
    entry, params = await bookable_entry(ctx, body.service_code)
    if params.kind != "request" or not params.second_opinion:
        raise ValidationProblem(
            f"service_code: {body.service_code} is not a second-opinion service; book it with POST /api/v1/bookings",
            field="service_code",
        )
    check_beneficiary(entry, body.beneficiary_id, body.customer_id)
    now = clock.now()
    fingerprint = attempts.request_hash(body.model_dump(mode="json"))
    request_id = f"SO{uuid.uuid4().hex[:20].upper()}"
    async with ctx.database.transaction() as session:
        replay = await _replay(session, body.customer_id, idempotency_key, fingerprint, now.date())
        if replay is not None:
            return replay, False
        cal = await ctx.calendar.get(session)
        try:
            due = rules.contact_due(cal, now, params.contact_working_days)
        except CalendarUnknown as exc:
            raise errors.calendar_unknown(exc) from exc
        if not await attempts.record_attempt(session, request_id, body.customer_id, idempotency_key, fingerprint):
            raise Conflict("a request with this Idempotency-Key is being processed")

    async def write(session: AsyncSession, reservation_id: str) -> SecondOpinionRead:
        row = new_opinion(request_id, body, reservation_id, idempotency_key, now, due)
        session.add(row)
        await session.flush()
        return mapping.opinion_read(row, now.date())

    unit = attempts.Unit(request_id, "opinion", body.customer_id, body.service_code, body.beneficiary_id)
    return await attempts.reserve_and_write(ctx, unit, write), True


async def _replay(
    session: AsyncSession, customer_id: str, key: str | None, fingerprint: str, today: dt.date
) -> SecondOpinionRead | None:
    """The request an Idempotency-Key already created (same body), else None; another body is a conflict."""
    if not key:
        return None
    existing = await repo.attempt_by_key(session, customer_id, key)
    if existing is None:
        return None
    opinion = await repo.get_opinion(session, existing.booking_id)
    if existing.request_hash != fingerprint or opinion is None:
        raise Conflict("this Idempotency-Key is in use by another or an unfinished request")
    return mapping.opinion_read(opinion, today)


def new_opinion(
    request_id: str,
    body: SecondOpinionCreate,
    reservation_id: str,
    idempotency_key: str | None,
    now: dt.datetime,
    contact_due: dt.date,
) -> SecondOpinion:
    return SecondOpinion(
        id=request_id,
        customer_id=body.customer_id,
        beneficiary_id=body.beneficiary_id,
        service_code=body.service_code,
        partner_id=body.partner_id,
        diagnosis=body.diagnosis,
        status="requested",
        reservation_id=reservation_id,
        idempotency_key=idempotency_key,
        requested_at=now,
        contact_due=contact_due,
        updated_at=now,
    )


async def advance_opinion(ctx: BookingContext, identity: Identity, request_id: str, step: str) -> SecondOpinionRead:
    """Ops / provider steps: contacted, materials-complete (sets the opinion due date), delivered, cancel."""
    expected, target = STEPS[step]
    now = clock.now()
    working_days = await _opinion_working_days(ctx, request_id) if target == "materials_complete" else 0
    async with ctx.database.transaction() as session:
        row = await repo.get_opinion(session, request_id)
        if row is None or not identity.can_access_customer(row.customer_id):
            raise NotFound("second-opinion request not found")
        if (expected is not None and row.status != expected) or row.status in ("delivered", "cancelled"):
            raise IllegalTransition(
                f"a {row.status} request cannot become {target}", from_status=row.status, to_status=target
            )
        row.status, row.updated_at = target, now
        effect = await _apply_step(session, row, target, now, working_days)
        view = mapping.opinion_read(row, now.date())
        reservation_id = row.reservation_id
        if effect and reservation_id:  # durable: committed with the step, retried until entitlements settles
            await ledger.enqueue_opinion_effect(session, request_id, effect[0], reservation_id, effect[1])
    if effect and reservation_id:
        try:  # at once when entitlements answers; otherwise the job retries (the step stays committed)
            await ledger.apply_effect(ctx, effect[0], reservation_id, effect[1])
        except Problem as exc:
            log.warning("opinion %s: ledger effect left to its job: %s", request_id, exc.detail)
    return view


#: What each final step does to the reserved unit: (action, reason).
STEP_LEDGER = {"delivered": ("consume", "completed"), "cancelled": ("release", "cancelled")}


async def _opinion_working_days(ctx: BookingContext, request_id: str) -> int:
    """The catalog's opinion SLA of the request's service (read before the transaction: an HTTP call)."""
    async with ctx.database.transaction() as session:
        row = await repo.get_opinion(session, request_id)
    if row is None:
        return rules.BookingParams().opinion_working_days  # 404 follows in the transaction
    _, params = await bookable_entry(ctx, row.service_code)
    return params.opinion_working_days


async def _apply_step(
    session: AsyncSession, row: SecondOpinion, target: str, now: dt.datetime, opinion_working_days: int
) -> tuple[str, str] | None:
    """Stamp the step's time (materials complete: the opinion due date); returns its ledger effect."""
    if target == "contacted":
        row.contacted_at = now
    elif target == "materials_complete":
        row.contacted_at = row.contacted_at or now
        row.materials_complete_at = now
        cal = await calendar_repository.load_calendar(session)
        try:
            row.opinion_due = rules.opinion_due(cal, now, opinion_working_days)
        except CalendarUnknown as exc:
            raise errors.calendar_unknown(exc) from exc
    elif target == "delivered":
        row.delivered_at = now
    return STEP_LEDGER.get(target)


async def overdue_opinions(ctx: BookingContext, as_of: dt.date | None) -> list[SecondOpinionRead]:
    today = as_of or clock.today()
    async with ctx.database.transaction() as session:
        rows = await repo.open_opinions(session)
        views = [mapping.opinion_read(r, today) for r in rows]
    return [v for v in views if v.overdue]


async def get_opinion(ctx: BookingContext, identity: Identity, request_id: str) -> SecondOpinionRead:
    async with ctx.database.transaction() as session:
        row = await repo.get_opinion(session, request_id)
        if row is None or not identity.can_access_customer(row.customer_id):
            raise NotFound("second-opinion request not found")
        return mapping.opinion_read(row, clock.today())
