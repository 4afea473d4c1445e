"""Entitlements HTTP routers (SPEC 7 and docs/internal-apis.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response

from services.entitlements import jobs, mapping, relatives, rules, service, views
from services.entitlements import repository as repo
from services.entitlements.deps import BookingOrStaff, CatalogDep, ContextDep
from services.entitlements.schemas import (
    EntitlementsRead,
    LedgerRead,
    ReconciliationRunCreate,
    ReconciliationRunRead,
    RelativeRead,
    RelativesRead,
    RelativeUpsert,
    ReservationConsume,
    ReservationCreate,
    ReservationList,
    ReservationRead,
    ReservationRelease,
)
from vipkit import clock
from vipkit.auth import CurrentIdentity, StaffIdentity, ensure_customer_access
from vipkit.db import DbSession
from vipkit.etag import check_if_match, set_etag
from vipkit.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor
from vipkit.problems import NotFound

router = APIRouter(prefix="/api/v1", tags=["entitlements"])

CustomerId = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/catalog", summary="The active program's benefit catalog (booking reads its parameters)")
async def get_catalog_document(identity: CurrentIdentity, catalog: CatalogDep) -> dict[str, Any]:
    return catalog.to_wire()


# --- reservations (staff / internal services) -------------------------------------------------------
@router.post(
    "/reservations",
    response_model=ReservationRead,
    status_code=201,
    summary="Reserve one unit for a booking (Idempotency-Key required; same key -> same reservation, 200)",
    responses={403: {"description": "not_entitled"}, 409: {"description": "quota_exhausted"}, 404: {}},
)
async def create_reservation(
    body: ReservationCreate,
    session: DbSession,
    identity: BookingOrStaff,
    catalog: CatalogDep,
    response: Response,
    idempotency_key: Annotated[str, Header(alias="Idempotency-Key", min_length=1, max_length=200)],
) -> ReservationRead:
    view = await service.reserve(
        session,
        catalog,
        customer_id=body.customer_id,
        service_code=body.service_code,
        beneficiary_id=body.beneficiary_id,
        reference=body.reference,
        idempotency_key=idempotency_key,
    )
    if not view.created:
        response.status_code = 200
    return mapping.reservation_read(view.reservation, view.remaining)


@router.get("/reservations", response_model=ReservationList, summary="Reservations of a booking (reference)")
async def list_reservations(
    session: DbSession,
    identity: BookingOrStaff,
    reference: Annotated[str, Query(min_length=1, max_length=200)],
) -> ReservationList:
    items = []
    for r in await repo.reservations_by_reference(session, reference):
        grant = await repo.get_grant(session, r.grant_id)
        left = rules.remaining(grant.quota, grant.used, grant.reserved)
        items.append(mapping.reservation_read(r, left))
    return ReservationList(items=items)


@router.get("/reservations/{reservation_id}", response_model=ReservationRead, summary="One reservation")
async def get_reservation(reservation_id: str, session: DbSession, identity: BookingOrStaff) -> ReservationRead:
    r = await repo.get_reservation(session, reservation_id)
    if r is None:
        raise NotFound(f"reservation {reservation_id!r} not found")
    grant = await repo.get_grant(session, r.grant_id)
    return mapping.reservation_read(r, rules.remaining(grant.quota, grant.used, grant.reserved))


@router.post(
    "/reservations/{reservation_id}/consume",
    response_model=ReservationRead,
    summary="Consume the unit (completed, no-show, late cancellation); idempotent",
)
async def consume_reservation(
    reservation_id: str, body: ReservationConsume, session: DbSession, identity: BookingOrStaff
) -> ReservationRead:
    view = await service.settle(session, reservation_id, consume=True, reason=body.reason)
    return mapping.reservation_read(view.reservation, view.remaining)


@router.post(
    "/reservations/{reservation_id}/release",
    response_model=ReservationRead,
    summary="Release the unit (cancelled in time, rejected, booking failed); idempotent",
)
async def release_reservation(
    reservation_id: str, body: ReservationRelease, session: DbSession, identity: BookingOrStaff
) -> ReservationRead:
    view = await service.settle(session, reservation_id, consume=False, reason=body.reason)
    return mapping.reservation_read(view.reservation, view.remaining)


# --- customer reads --------------------------------------------------------------------------------
@router.get(
    "/customers/{customer_id}/entitlements",
    response_model=EntitlementsRead,
    summary="Per service: quota, used, reserved, remaining in the current period (null = unlimited)",
)
async def get_entitlements(
    customer_id: CustomerId, session: DbSession, identity: CurrentIdentity, catalog: CatalogDep
) -> EntitlementsRead:
    ensure_customer_access(identity, customer_id)
    return await views.entitlements_view(session, catalog, customer_id)


@router.get(
    "/customers/{customer_id}/entitlements/{service_code}/ledger",
    response_model=LedgerRead,
    summary="Every change of the service's numbers, with its reason (oldest first, cursor-paged)",
)
async def get_ledger(
    customer_id: CustomerId,
    service_code: str,
    session: DbSession,
    identity: CurrentIdentity,
    catalog: CatalogDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> LedgerRead:
    ensure_customer_access(identity, customer_id)
    after = decode_cursor("ledger", cursor, 1, types=(int,))
    return await views.ledger_view(
        session, catalog, customer_id, service_code, limit=limit, after=after[0] if after else None
    )


# --- relatives -------------------------------------------------------------------------------------
@router.put(
    "/customers/{customer_id}/relatives/{relative_id}",
    response_model=RelativeRead,
    summary="Designate a relative (program rules: relations, count, age, fixed once designated)",
    responses={201: {"description": "designated"}, 200: {"description": "updated or unchanged"}},
)
async def put_relative(
    customer_id: CustomerId,
    relative_id: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")],
    body: RelativeUpsert,
    session: DbSession,
    identity: CurrentIdentity,
    catalog: CatalogDep,
    response: Response,
    request: Request,
) -> RelativeRead:
    ensure_customer_access(identity, customer_id)
    # If-Match names the version of the customer's relatives (the ETag of GET .../relatives)
    current = await relatives.relatives_view(session, catalog, customer_id)
    check_if_match(request, current.model_dump(mode="json") if current.items else None)
    view, created = await relatives.designate_relative(
        session,
        catalog,
        customer_id,
        relative_id,
        name=body.name,
        relation=body.relation,
        id_no=body.id_no,
        birth_date=body.birth_date,
    )
    response.status_code = 201 if created else 200
    return view


@router.get("/customers/{customer_id}/relatives", response_model=RelativesRead, summary="Designated relatives")
async def get_relatives(
    customer_id: CustomerId, session: DbSession, identity: CurrentIdentity, catalog: CatalogDep, response: Response
) -> RelativesRead:
    ensure_customer_access(identity, customer_id)
    view = await relatives.relatives_view(session, catalog, customer_id)
    set_etag(response, view.model_dump(mode="json"))  # the digest of the JSON the client reads
    return view


# --- ops -------------------------------------------------------------------------------------------
@router.post(
    "/entitlements/reconciliation/runs",
    response_model=ReconciliationRunRead,
    summary="Compare every customer's grants with tiering's current tiers and repair drift",
)
async def run_reconciliation(
    identity: StaffIdentity, ctx: ContextDep, body: ReconciliationRunCreate | None = None
) -> dict[str, Any]:
    as_of = (body.as_of if body and body.as_of else None) or clock.now()
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=clock.SHANGHAI)
    return await jobs.reconcile(
        ctx.database, ctx.catalog, ctx.tiering_client, as_of, page_size=ctx.settings.reconciliation_page_size
    )
