"""Ops view of every service's plumbing (issue 12): durable jobs, parked outbox rows, dead letters.

Mounted by every service under ``/api/v1/ops/{service}/`` and routed by the gateway (ops only):

- ``GET  jobs?state=dead`` — durable jobs by state; ``POST jobs/{id}/retry`` | ``jobs/{id}/discard``
- ``GET  outbox`` — parked rows, the relay gave up on them; ``POST outbox/{id}/retry`` | ``/discard``
- ``GET  dead-letters`` — permanently bad consumed messages; ``POST dead-letters/{id}/replay``
  feeds one through its consumer again (idempotent: the inbox drops an event already applied).

The three lists page like every list (``vipkit.pagination``: ``limit`` + opaque ``cursor``,
``next_cursor``; keyset on the row id), never cut silently.

The same counts feed ``/metrics`` (``vip_durable_jobs``, ``vip_outbox_parked``, ``vip_dead_letters``;
refreshed at scrape by ``vipkit.metrics``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import func, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit import clock, durable_ops
from vipkit.auth import StaffIdentity
from vipkit.db import Database, DbSession, outbox_table
from vipkit.openapi_docs import OPS, Op
from vipkit.pagination import MAX_LIMIT, Cursor, PageFields, decode_cursor, page
from vipkit.plumbing import dead_letters_table
from vipkit.problems import Conflict, NotFound

OPS_DEFAULT_LIMIT = 100  # the lists answered 100 rows by default before they paged


class JobRead(BaseModel):
    """A durable job: work that must eventually happen, written with its cause (`vipkit.durable`)."""

    id: int = Field(description="The job's id in this service's `jobs` table.")
    kind: str = Field(description="What the job does (the registered handler's kind).")
    state: str = Field(
        description="pending | running | done | dead (gave up; ops may retry or discard it) | discarded."
    )
    attempts: int = Field(description="Attempts made so far.")
    ordering_key: str | None = Field(description="Jobs with the same key run one at a time, in order.")
    run_after: dt.datetime = Field(description="Not run before this time (the next retry).")
    give_up_at: dt.datetime = Field(description="After this time a failure is final (state `dead`).")
    last_error: str | None = Field(description="The last attempt's error, in English.")
    created_at: dt.datetime = Field(description="When the job was written (with its cause, same transaction).")
    finished_at: dt.datetime | None = Field(description="When it succeeded or gave up; null while open.")


class OutboxRowRead(BaseModel):
    """An outbox event the relay parked (it could not publish it); the payload is not shown."""

    id: int = Field(description="The outbox row's id.")
    event_id: str = Field(description="The CloudEvents id of the event.")
    topic: str = Field(description="The Kafka topic, e.g. `booking.changed.v1`.")
    key: str = Field(description="The message key (orders events of one entity).")
    size_bytes: int = Field(description="The payload size in bytes.")
    attempts: int = Field(description="Publish attempts made.")
    last_error: str | None = Field(description="The last publish error, in English.")
    created_at: dt.datetime = Field(description="When the event was written.")
    parked_at: dt.datetime | None = Field(description="When the relay parked it.")


class DeadLetterRead(BaseModel):
    """A consumed message that its consumer could not apply (poisoned or failing), kept for replay."""

    id: int = Field(description="The dead letter's id.")
    consumer: str = Field(description="The consumer (group) that failed on it.")
    topic: str = Field(description="The Kafka topic it came from.")
    partition: int | None = Field(description="The topic partition; null when unknown.")
    offset: int | None = Field(description="The message offset; null when unknown.")
    error: str = Field(description="Why it failed, in English.")
    created_at: dt.datetime = Field(description="When it was dead-lettered.")
    replayed_at: dt.datetime | None = Field(description="When a replay applied it; null while not.")
    replay_result: str | None = Field(
        description="The last replay's outcome: the consumer's status (e.g. `applied`) or `failed: <error>`."
    )


class JobPage(PageFields):
    """A page of durable jobs, newest first (cursor paging)."""

    items: list[JobRead] = Field(description="The jobs on this page, newest first.")


class OutboxRowPage(PageFields):
    """A page of parked outbox rows, oldest first: the order the relay would publish them (cursor paging)."""

    items: list[OutboxRowRead] = Field(description="The parked rows on this page, oldest first.")


class DeadLetterPage(PageFields):
    """A page of dead letters, newest first (cursor paging)."""

    items: list[DeadLetterRead] = Field(description="The dead letters on this page, newest first.")


OpsLimit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT} (more is a 422)")]


async def parked_outbox_rows(session: AsyncSession, limit: int, after: int | None = None) -> list[OutboxRowRead]:
    """Parked rows, oldest first, from the row after ``after`` (keyset on the id)."""
    t = outbox_table
    rows = (
        await session.execute(
            select(t, func.length(t.c.payload).label("size_bytes"))
            .where(t.c.parked_at.is_not(None), t.c.published_at.is_(None))
            .where(t.c.id > after if after is not None else true())
            .order_by(t.c.id)
            .limit(limit)
        )
    ).mappings()
    return [OutboxRowRead.model_validate(dict(r)) for r in rows]


async def unpark_outbox_row(session: AsyncSession, row_id: int, *, discard: bool) -> bool:
    """Ops: send a parked row again (retry), or give it up (discard: marked published, never sent),
    which releases the key's later rows."""
    t = outbox_table
    values: dict[str, Any] = {"parked_at": None, "attempts": 0}
    if discard:
        values = {"published_at": clock.now(), "last_error": "discarded by ops"}
    result = await session.execute(
        update(t).where(t.c.id == row_id, t.c.parked_at.is_not(None), t.c.published_at.is_(None)).values(**values)
    )
    session.info["outbox_pending"] = True
    return bool(result.rowcount)  # type: ignore[attr-defined]


_PAGED = (
    "Cursor-paged like every list: `limit` (1..200, default 100) and the `next_cursor` of the previous page as "
    "`cursor` (null on the last page)."
)


def ops_docs(service: str) -> dict[str, Op]:
    """OpenAPI documentation of the ops endpoints of one service (operation ids carry its name)."""
    svc = service.capitalize()
    domain = "Operations: jobs and dead letters"
    auth = ("unauthorized", "forbidden")
    return {
        "list_jobs": Op(
            f"list{svc}Jobs",
            "Durable jobs by state",
            "Work that must eventually happen (ledger calls, webhooks, notifications), newest first; "
            "`state=dead` lists what gave up and needs a person. " + _PAGED,
            (OPS,),
            domain,
            (*auth, "validation_error"),
        ),
        "retry_job": Op(
            f"retry{svc}Job",
            "Run a dead job again",
            "A fresh retry window; the job keeps its attempt count and last error.",
            (OPS,),
            domain,
            (*auth, "conflict"),
            idempotency_key=True,
        ),
        "discard_job": Op(
            f"discard{svc}Job",
            "Give a dead job up",
            "It stops holding later jobs with the same ordering key.",
            (OPS,),
            domain,
            (*auth, "conflict"),
            idempotency_key=True,
        ),
        "list_parked": Op(
            f"list{svc}ParkedOutboxRows",
            "Parked outbox rows",
            "Events the relay could not publish (e.g. larger than the broker's limit); the same "
            "customer's later events wait behind them. Oldest first. " + _PAGED,
            (OPS,),
            domain,
            (*auth, "validation_error"),
        ),
        "unpark": Op(
            f"resolve{svc}ParkedOutboxRow",
            "Retry or discard a parked outbox row",
            "`retry` publishes it again; `discard` gives it up and releases the customer's later events.",
            (OPS,),
            domain,
            (*auth, "conflict", "validation_error"),
            idempotency_key=True,
        ),
        "list_dead_letters": Op(
            f"list{svc}DeadLetters",
            "Dead-lettered messages",
            "Consumed messages that were permanently bad (unparseable, contract violation), newest first. " + _PAGED,
            (OPS,),
            domain,
            (*auth, "validation_error"),
        ),
        "replay_dead_letter": Op(
            f"replay{svc}DeadLetter",
            "Replay a dead letter",
            "Feeds the message through its consumer again; idempotent (an event already applied is a no-op).",
            (OPS,),
            domain,
            (*auth, "not_found", "conflict"),
            idempotency_key=True,
        ),
    }


def ops_router(service: str) -> APIRouter:
    """The ops endpoints of one service's plumbing, under ``/api/v1/ops/{service}``."""
    router = APIRouter(prefix=f"/api/v1/ops/{service}", tags=["ops"])
    _job_routes(router)
    _outbox_routes(router)
    _dead_letter_routes(router)
    return router


def _job_routes(router: APIRouter) -> None:
    @router.get("/jobs", response_model=JobPage, summary="Durable jobs by state (ops), newest first")
    async def list_jobs(
        session: DbSession,
        _staff: StaffIdentity,
        state: Literal["pending", "running", "done", "dead", "discarded"] | None = None,
        kind: Annotated[str | None, Query(max_length=100)] = None,
        limit: OpsLimit = OPS_DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> JobPage:
        before = decode_cursor("ops-jobs", cursor, 1, types=(int,))
        rows = await durable_ops.list_jobs(
            session, state=state, kind=kind, limit=limit + 1, before=before[0] if before else None
        )
        found, next_cursor = page("ops-jobs", rows, limit, lambda r: (r["id"],))
        return JobPage(items=[JobRead.model_validate(r) for r in found], next_cursor=next_cursor)

    @router.post("/jobs/{job_id}/retry", response_model=JobRead, summary="Run a dead job again (ops)")
    async def retry_job(job_id: int, session: DbSession, _staff: StaffIdentity) -> JobRead:
        if not await durable_ops.retry_job(session, job_id):
            raise Conflict(f"job {job_id} does not exist or is not dead/discarded")
        return JobRead.model_validate(await durable_ops.get_job(session, job_id))

    @router.post("/jobs/{job_id}/discard", response_model=JobRead, summary="Give a dead job up (ops)")
    async def discard_job(job_id: int, session: DbSession, _staff: StaffIdentity) -> JobRead:
        if not await durable_ops.discard_job(session, job_id):
            raise Conflict(f"job {job_id} does not exist or is not dead")
        return JobRead.model_validate(await durable_ops.get_job(session, job_id))


def _outbox_routes(router: APIRouter) -> None:
    @router.get("/outbox", response_model=OutboxRowPage, summary="Parked outbox rows (ops), oldest first")
    async def list_parked(
        session: DbSession, _staff: StaffIdentity, limit: OpsLimit = OPS_DEFAULT_LIMIT, cursor: Cursor = None
    ) -> OutboxRowPage:
        after = decode_cursor("ops-outbox", cursor, 1, types=(int,))
        rows = await parked_outbox_rows(session, limit + 1, after[0] if after else None)
        found, next_cursor = page("ops-outbox", rows, limit, lambda r: (r.id,))
        return OutboxRowPage(items=found, next_cursor=next_cursor)

    @router.post("/outbox/{row_id}/{action}", summary="Retry or discard a parked outbox row (ops)")
    async def unpark(
        row_id: int, action: Literal["retry", "discard"], session: DbSession, _staff: StaffIdentity
    ) -> dict[str, Any]:
        if not await unpark_outbox_row(session, row_id, discard=action == "discard"):
            raise Conflict(f"outbox row {row_id} does not exist or is not parked")
        return {"id": row_id, "action": action}


def _dead_letter_routes(router: APIRouter) -> None:
    @router.get("/dead-letters", response_model=DeadLetterPage, summary="Dead-lettered messages (ops), newest first")
    async def list_dead_letters(
        session: DbSession,
        _staff: StaffIdentity,
        replayed: bool | None = None,
        limit: OpsLimit = OPS_DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> DeadLetterPage:
        t = dead_letters_table
        before = decode_cursor("ops-dead-letters", cursor, 1, types=(int,))
        query = select(t).where(t.c.id < before[0] if before else true()).order_by(t.c.id.desc()).limit(limit + 1)
        if replayed is not None:
            query = query.where(t.c.replayed_at.is_not(None) if replayed else t.c.replayed_at.is_(None))
        rows = [DeadLetterRead.model_validate(dict(r)) for r in (await session.execute(query)).mappings()]
        found, next_cursor = page("ops-dead-letters", rows, limit, lambda r: (r.id,))
        return DeadLetterPage(items=found, next_cursor=next_cursor)

    @router.post("/dead-letters/{letter_id}/replay", summary="Feed a dead letter through its consumer again (ops)")
    async def replay_dead_letter(letter_id: int, request: Request, _staff: StaffIdentity) -> dict[str, Any]:
        runtime = request.app.state.runtime
        db: Database = request.app.state.db
        async with db.sessionmaker() as session:
            row = (
                (await session.execute(select(dead_letters_table).where(dead_letters_table.c.id == letter_id)))
                .mappings()
                .first()
            )
        if row is None:
            raise NotFound(f"dead letter {letter_id} not found")
        runner = next((r for r in runtime.consumers if r.group_id == row["consumer"]), None)
        if runner is None:
            raise Conflict(f"consumer {row['consumer']} does not run in this service")
        result = await runner.replay(dict(row))
        return {"id": letter_id, "status": result.status, "error": result.error}
