"""Booking HTTP routers (SPEC 7): partners, clinics, calendar, bookings, partner webhooks, ops."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request, Response

from services.booking import attempts, mapping, opinions, webhooks_in, webhooks_out
from services.booking import repository as repo
from services.booking import service as svc
from services.booking.deps import ContextDep, IdempotencyKey
from services.booking.schemas import (
    BookingCreate,
    BookingList,
    BookingRead,
    CancelResult,
    ClinicList,
    ClinicRead,
    ClinicWrite,
    DeliveryList,
    DeliveryRead,
    EarliestRead,
    PartnerRead,
    PartnerWrite,
    ReminderRun,
    ReminderRunResult,
    ReservationHolder,
    SecondOpinionCreate,
    SecondOpinionList,
    SecondOpinionRead,
    WebhookAck,
)
from vipkit import clock
from vipkit.auth import CurrentIdentity, StaffIdentity, ensure_customer_access
from vipkit.db import DbSession
from vipkit.deps import EntitlementsOrStaff
from vipkit.etag import check_if_match, set_etag
from vipkit.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, page, page_in_memory
from vipkit.problems import NotFound, ValidationProblem
from vipkit.urlguard import UnsafeUrl

router = APIRouter(prefix="/api/v1", tags=["booking"])


# --- partners --------------------------------------------------------------------------------------------
@router.put("/partners/{partner_id}", response_model=PartnerRead, tags=["partners"], summary="Upsert a partner (ops)")
async def put_partner(
    partner_id: str,
    body: PartnerWrite,
    session: DbSession,
    _: StaffIdentity,
    response: Response,
    request: Request,
    ctx: ContextDep,
) -> PartnerRead:
    try:
        ctx.url_guard.check_static(body.webhook_url)
    except UnsafeUrl as exc:
        raise ValidationProblem(f"webhook_url: {exc}", field="webhook_url") from exc
    existing = await repo.get_partner(session, partner_id)
    check_if_match(request, mapping.partner_read(existing) if existing else None)
    row, created = await repo.upsert_partner(session, partner_id, body.name, body.webhook_url, body.secret, clock.now())
    response.status_code = 201 if created else 200
    read = mapping.partner_read(row)
    set_etag(response, read)
    return read


@router.get("/partners/{partner_id}", response_model=PartnerRead, tags=["partners"], summary="A partner (ops)")
async def get_partner(partner_id: str, session: DbSession, _: StaffIdentity, response: Response) -> PartnerRead:
    row = await repo.get_partner(session, partner_id)
    if row is None:
        raise NotFound("partner not found")
    read = mapping.partner_read(row)
    set_etag(response, read)
    return read


# --- clinics -----------------------------------------------------------------------------------------------
@router.put("/clinics/{clinic_id}", response_model=ClinicRead, tags=["clinics"], summary="Upsert a clinic (ops)")
async def put_clinic(
    clinic_id: str, body: ClinicWrite, session: DbSession, _: StaffIdentity, response: Response, request: Request
) -> ClinicRead:
    existing = await repo.get_clinic(session, clinic_id)
    check_if_match(request, mapping.clinic_read(*existing) if existing else None)
    for service in existing[1] if existing else ():
        session.expunge(service)  # replaced below by rows with the same keys
    if await repo.get_partner(session, body.partner_id) is None:
        raise ValidationProblem(f"unknown partner {body.partner_id!r}", field="partner_id")
    values = body.model_dump(exclude={"services"})
    services = [s.model_dump() for s in body.services]
    created = await repo.upsert_clinic(session, clinic_id, values, services, clock.now())
    response.status_code = 201 if created else 200
    found = await repo.get_clinic(session, clinic_id)
    assert found is not None
    read = mapping.clinic_read(*found)
    set_etag(response, read)
    return read


@router.get("/clinics/{clinic_id}", response_model=ClinicRead, tags=["clinics"], summary="A clinic")
async def get_clinic(clinic_id: str, session: DbSession, response: Response) -> ClinicRead:
    found = await repo.get_clinic(session, clinic_id)
    if found is None:
        raise NotFound("clinic not found")
    read = mapping.clinic_read(*found)
    set_etag(response, read)
    return read


@router.get("/clinics", response_model=ClinicList, tags=["clinics"], summary="Partner clinics, by service")
async def list_clinics(
    session: DbSession,
    service_code: str | None = None,
    city: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> ClinicList:
    after = decode_cursor("clinics", cursor, 1)
    rows = await repo.list_clinics(session, service_code, city, limit=limit + 1, after=after)
    found, next_cursor = page("clinics", rows, limit, lambda r: (r[0].id,))
    return ClinicList(items=[mapping.clinic_read(c, s) for c, s in found], next_cursor=next_cursor)


# --- bookings ------------------------------------------------------------------------------------------------
@router.get("/bookings/earliest", response_model=EarliestRead, tags=["bookings"], summary="Earliest bookable date now")
async def bookings_earliest(
    ctx: ContextDep, who: CurrentIdentity, service_code: str, clinic_id: str | None = None
) -> EarliestRead:
    return await svc.earliest(ctx, who, service_code, clinic_id)


@router.post("/bookings", response_model=BookingRead, status_code=201, tags=["bookings"], summary="Book an appointment")
async def create_booking(
    body: BookingCreate,
    ctx: ContextDep,
    who: CurrentIdentity,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> BookingRead:
    view, created = await svc.create_booking(ctx, who, body, idempotency_key)
    response.status_code = 201 if created else 200
    return view


@router.post(
    "/bookings/reminders/runs",
    response_model=ReminderRunResult,
    tags=["bookings"],
    summary="Send the day-before reminders due on a date (ops; idempotent)",
)
async def run_reminders(body: ReminderRun, ctx: ContextDep, _: StaffIdentity) -> ReminderRunResult:
    return await svc.run_reminders(ctx, body.as_of)


@router.get(
    "/bookings/{booking_id}", response_model=BookingRead, tags=["bookings"], summary="A booking with its history"
)
async def get_booking(booking_id: str, session: DbSession, who: CurrentIdentity) -> BookingRead:
    booking = await svc.get_booking_for(session, who, booking_id)
    return await svc.booking_view(session, booking)


@router.get(
    "/customers/{customer_id}/bookings", response_model=BookingList, tags=["bookings"], summary="A customer's bookings"
)
async def customer_bookings(
    customer_id: str,
    session: DbSession,
    who: CurrentIdentity,
    status: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> BookingList:
    ensure_customer_access(who, customer_id)
    after = decode_cursor("bookings", cursor, 3)
    rows = await repo.customer_bookings(session, customer_id, status, limit=limit + 1, after=after)
    found, next_cursor = page("bookings", rows, limit, lambda b: (b.date, b.created_at, b.id))
    return BookingList(items=[await svc.booking_view(session, b) for b in found], next_cursor=next_cursor)


@router.post(
    "/bookings/{booking_id}/cancel",
    response_model=CancelResult,
    tags=["bookings"],
    summary="Cancel (free or forfeited)",
)
async def cancel_booking(booking_id: str, ctx: ContextDep, who: CurrentIdentity) -> CancelResult:
    return await svc.cancel_booking(ctx, who, booking_id, None)


# --- partner webhooks -------------------------------------------------------------------------------------------
@router.post(
    "/partners/{partner_id}/webhooks",
    response_model=WebhookAck,
    tags=["partners"],
    summary="Partner callback (Standard Webhooks signature; no JWT)",
)
async def partner_webhook(partner_id: str, request: Request, ctx: ContextDep) -> WebhookAck:
    body = await request.body()
    return await webhooks_in.handle_inbound(ctx, partner_id, body, dict(request.headers))


@router.get(
    "/webhook-deliveries", response_model=DeliveryList, tags=["ops"], summary="Outbound webhook deliveries (ops)"
)
async def list_deliveries(
    session: DbSession,
    _: StaffIdentity,
    booking_id: str | None = None,
    status: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> DeliveryList:
    after = decode_cursor("webhook-deliveries", cursor, 2)
    rows = await repo.list_deliveries(session, booking_id, status, limit=limit + 1, after=after)
    found, next_cursor = page("webhook-deliveries", rows, limit, lambda r: (r[0].created_at, r[0].id))
    return DeliveryList(items=[mapping.delivery_read(d, a) for d, a in found], next_cursor=next_cursor)


@router.post(
    "/webhook-deliveries/{delivery_id}/retry", response_model=DeliveryRead, tags=["ops"], summary="Retry now (ops)"
)
async def retry_delivery(delivery_id: str, ctx: ContextDep, _: StaffIdentity) -> DeliveryRead:
    return await webhooks_out.retry_delivery(ctx, delivery_id)


@router.get(
    "/internal/reservation-holders/{reference}",
    response_model=ReservationHolder,
    tags=["internal"],
    summary="Does a booking hold this reservation?",
)
async def reservation_holder(reference: str, session: DbSession, _: EntitlementsOrStaff) -> ReservationHolder:
    """For entitlements' reconciliation: a reservation's reference is held while its booking or
    second-opinion request exists, or its booking attempt is still in progress (issue 12)."""
    return await attempts.holder_of(session, reference)


# --- second opinions ------------------------------------------------------------------------------------------
@router.post(
    "/second-opinions", response_model=SecondOpinionRead, status_code=201, tags=["second-opinions"], summary="Request"
)
async def create_opinion(
    body: SecondOpinionCreate,
    ctx: ContextDep,
    who: CurrentIdentity,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> SecondOpinionRead:
    view, created = await opinions.create_opinion(ctx, who, body, idempotency_key)
    response.status_code = 201 if created else 200
    return view


@router.get(
    "/second-opinions/overdue", response_model=SecondOpinionList, tags=["second-opinions"], summary="Overdue (ops)"
)
async def overdue_opinions(
    ctx: ContextDep, _: StaffIdentity, as_of: dt.date | None = None, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> SecondOpinionList:
    rows = await opinions.overdue_opinions(ctx, as_of)
    found, next_cursor = page_in_memory("overdue-opinions", rows, limit, cursor, lambda v: (v.request_id,))
    return SecondOpinionList(items=found, next_cursor=next_cursor)


@router.get("/second-opinions/{request_id}", response_model=SecondOpinionRead, tags=["second-opinions"])
async def get_opinion(request_id: str, ctx: ContextDep, who: CurrentIdentity) -> SecondOpinionRead:
    return await opinions.get_opinion(ctx, who, request_id)


@router.post(
    "/second-opinions/{request_id}/{step}",
    response_model=SecondOpinionRead,
    tags=["second-opinions"],
    summary="Provider/ops step: contacted, materials-complete, delivered, cancel",
)
async def advance_opinion(request_id: str, step: str, ctx: ContextDep, who: CurrentIdentity) -> SecondOpinionRead:
    if step not in opinions.STEPS:
        raise NotFound("unknown step")
    if step != "cancel" and not who.is_staff:
        raise NotFound("unknown step")
    return await opinions.advance_opinion(ctx, who, request_id, step)


__all__ = ["router"]
