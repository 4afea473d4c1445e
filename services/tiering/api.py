"""Tiering HTTP routers (SPEC 7; internal ``/api/v1/tiers`` per docs/internal-apis.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from contracts.policy import PolicyDocument
from services.tiering import importer, mapping, runs, service, views
from services.tiering.deps import ContextDep, ProgramDep, SettingsDep
from services.tiering.schemas import (
    ExplainRead,
    ImportResult,
    PolicyRead,
    RunRead,
    RunRequest,
    TierHistoryRead,
    TierPage,
    TierRead,
)
from vipkit import clock
from vipkit.auth import CurrentIdentity, StaffIdentity, ensure_customer_access
from vipkit.db import DbSession
from vipkit.deps import DatabaseDep, EntitlementsOrStaff
from vipkit.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor

router = APIRouter(prefix="/api/v1", tags=["tiering"])

PolicyNo = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]
CustomerId = Annotated[str, Path(min_length=1, max_length=64)]


@router.put(
    "/policies/{policy_no}",
    response_model=PolicyRead,
    status_code=200,
    summary="Upsert a policy (ops): 201 created, 200 updated or unchanged",
    responses={201: {"description": "Created"}, 409: {"description": "Older version"}, 422: {"description": "Invalid"}},
)
async def put_policy(
    policy_no: PolicyNo,
    doc: PolicyDocument,
    session: DbSession,
    identity: StaffIdentity,
    program: ProgramDep,
    response: Response,
) -> PolicyRead:
    outcome = await service.upsert_policy(session, program, policy_no, doc)
    if outcome.status == "stale":
        raise service.StalePolicyVersion(f"policy {policy_no}: {outcome.message}")
    response.status_code = 201 if outcome.status == "created" else 200
    return mapping.policy_read(outcome.policy)


@router.get("/policies/{policy_no}", response_model=PolicyRead, summary="A stored policy (ops), masked")
async def read_policy(policy_no: PolicyNo, session: DbSession, identity: StaffIdentity) -> PolicyRead:
    return await views.get_policy(session, policy_no)


@router.post(
    "/policies/import",
    response_model=ImportResult,
    summary="Bulk import policies (ops): NDJSON body, one {policy_no, policy} per line, streamed",
)
async def import_policies(
    request: Request,
    identity: StaffIdentity,
    program: ProgramDep,
    db: DatabaseDep,
    settings: SettingsDep,
) -> ImportResult:
    return await importer.import_ndjson(db, program, request.stream(), batch_size=settings.import_batch_size)


@router.post("/tiering/runs", response_model=RunRead, summary="Run everything due on a date (ops); idempotent per date")
async def post_run(
    body: RunRequest,
    identity: StaffIdentity,
    ctx: ContextDep,
    db: DatabaseDep,
) -> RunRead:
    return await runs.run_for_date(
        db,
        ctx.program,
        body.as_of,
        chunk_size=ctx.settings.run_chunk_size,
        timelines=bool(ctx.common.test_clock),
        customer_ids=body.customer_ids,
    )


@router.get("/customers/{customer_id}/tier", response_model=TierRead, summary="A customer's tier (SPEC 7)")
async def read_tier(
    customer_id: CustomerId, session: DbSession, identity: CurrentIdentity, program: ProgramDep
) -> TierRead:
    ensure_customer_access(identity, customer_id)
    return await views.get_tier(session, program, customer_id)


@router.get(
    "/customers/{customer_id}/tier/history",
    response_model=TierHistoryRead,
    summary="Tier changes with reasons, oldest first (cursor-paged)",
)
async def read_history(
    customer_id: CustomerId,
    session: DbSession,
    identity: CurrentIdentity,
    program: ProgramDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> TierHistoryRead:
    ensure_customer_access(identity, customer_id)
    after = decode_cursor("tier-history", cursor, 1, types=(int,))
    return await views.get_history(session, program, customer_id, limit=limit, after=after[0] if after else None)


@router.get(
    "/customers/{customer_id}/tier/explain",
    response_model=ExplainRead,
    summary="Every policy with its standard premium, formula terms and why it does not count",
)
async def read_explain(
    customer_id: CustomerId,
    session: DbSession,
    identity: CurrentIdentity,
    program: ProgramDep,
    as_of: Annotated[dt.date | None, Query(description="Date to explain (default: today, Asia/Shanghai)")] = None,
) -> ExplainRead:
    ensure_customer_access(identity, customer_id)
    return await views.explain(session, program, customer_id, as_of or clock.today())


@router.get("/tiers", response_model=TierPage, summary="Every customer's current tier, paged by customer id (staff)")
async def list_tiers(
    session: DbSession,
    identity: EntitlementsOrStaff,
    limit: Annotated[
        int, Query(ge=1, le=5000, description="Page size, 1..5000 (a bulk list for reconciliation; more is a 422)")
    ] = 500,
    cursor: Cursor = None,
) -> TierPage:
    after = decode_cursor("tiers", cursor, 1, types=(str,))
    return await views.tiers_page(session, after[0] if after else "", limit)
