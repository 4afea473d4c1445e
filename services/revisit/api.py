"""Revisit HTTP routers: ops, the WeChat entry, the public questionnaire API and the H5 page."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Awaitable
from typing import Literal, TypeVar

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit import h5, links, mapping, phone, questionnaire, rules, service
from services.revisit import repository as repo
from services.revisit.deps import ClientDep, SettingsDep
from services.revisit.links import IssuedLink
from services.revisit.questionnaire import SubmitResult
from services.revisit.questionnaire_schemas import (
    CustomerRevisitList,
    QuestionRead,
    SessionCreate,
    SessionRead,
    SubmitRead,
    SubmitRequest,
)
from services.revisit.schemas import (
    IssuedLinkRead,
    PhoneItemList,
    PhoneItemRead,
    PhoneResultRequest,
    RunRead,
    RunRequest,
    TaskDetail,
    TaskList,
)
from vipkit import clock
from vipkit.auth import CurrentIdentity, StaffIdentity, ensure_customer_access
from vipkit.db import Database, DbSession
from vipkit.deps import DatabaseDep
from vipkit.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, page
from vipkit.problems import Problem

router = APIRouter(prefix="/api/v1", tags=["revisit"])
public_router = APIRouter(prefix="/api/v1", tags=["revisit questionnaire (link holder)"])
page_router = APIRouter(tags=["revisit H5 page"])

T = TypeVar("T")
TaskStatusParam = Literal["pending", "sms_sent", "completed", "problem", "phone_queue", "closed"]


async def _keeping_effects(db: Database, session: AsyncSession, call: Awaitable[T]) -> T:
    """Errors that must keep what was written before them (failed identity counts, too-fast audit)."""
    try:
        return await call
    except Problem as exc:
        if getattr(exc, "keep_effects", False):
            await session.commit()
            db.notify_committed(session)
        raise


def _issued(issued: IssuedLink) -> IssuedLinkRead:
    return IssuedLinkRead(
        task_id=issued.task.id,
        policy_no=issued.task.policy_no,
        url=issued.url,
        token=issued.token,
        expires_at=issued.link.expires_at,
    )


# --- ops ----------------------------------------------------------------------------------------------
@router.post(
    "/revisits/runs", response_model=RunRead, summary="Run SMS batches, second SMS and escalations due by as_of"
)
async def run_revisits(
    body: RunRequest, settings: SettingsDep, db: DatabaseDep, session: DbSession, _staff: StaffIdentity
) -> RunRead:
    """Idempotent: a second call with the same (or an earlier) ``as_of`` sends and escalates nothing new.
    The SMS batches commit chunk by chunk (``batch.py``); the request's commit takes the rest."""

    async def commit() -> None:
        await session.commit()
        db.notify_committed(session)

    result = await service.run_due(session, settings, body.as_of, commit)
    return RunRead(
        as_of=result.as_of,
        first_sms=len(result.first_sms),
        second_sms=len(result.second_sms),
        escalated=len(result.escalated),
        first_sms_policies=result.first_sms,
        second_sms_policies=result.second_sms,
        escalated_policies=result.escalated,
    )


@router.get("/revisits", response_model=TaskList, summary="Revisit tasks (ops)")
async def list_revisits(
    session: DbSession,
    _staff: StaffIdentity,
    status: TaskStatusParam | None = None,
    policy_no: str | None = None,
    customer_id: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> TaskList:
    after = decode_cursor("revisits", cursor, 2)
    rows = await repo.list_tasks(
        session, status=status, policy_no=policy_no, customer_id=customer_id, limit=limit, after=after
    )
    tasks, next_cursor = page("revisits", rows, limit, lambda t: (t.created_at, t.id))
    return TaskList(items=[mapping.task_read(t) for t in tasks], next_cursor=next_cursor)


@router.get("/revisits/{task_id}", response_model=TaskDetail, summary="One revisit with its full audit record (ops)")
async def get_revisit(task_id: str, session: DbSession, _staff: StaffIdentity) -> TaskDetail:
    detail = await service.task_detail(session, task_id)
    now = clock.now()
    task = detail["task"]
    return TaskDetail(
        task=mapping.task_read(task),
        links=[mapping.link_info(x) for x in detail["links"]],
        sessions=[mapping.session_audit(x) for x in detail["sessions"]],
        identity_attempts=[mapping.identity_attempt_read(x) for x in detail["identity_attempts"]],
        refused_submissions=[mapping.refused_submission_read(x) for x in detail["refused_submissions"]],
        phone_items=[mapping.phone_item_read(x, now, task) for x in detail["phone_items"]],
    )


@router.post(
    "/revisits/{task_id}/link",
    response_model=IssuedLinkRead,
    status_code=201,
    summary="Issue a fresh personal link (ops/demo; the SMS is the normal way)",
)
async def issue_revisit_link(
    task_id: str, settings: SettingsDep, session: DbSession, _staff: StaffIdentity
) -> IssuedLinkRead:
    return _issued(await links.issue_link(session, settings, task_id, "ops"))


@router.get("/phone-queue", response_model=PhoneItemList, summary="Call-centre phone revisit queue (ops)")
async def list_phone_queue(
    session: DbSession,
    _staff: StaffIdentity,
    status: Literal["open", "done"] | None = "open",
    customer_id: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> PhoneItemList:
    after = decode_cursor("phone-queue", cursor, 3)
    rows = await repo.list_phone_items(session, status=status, customer_id=customer_id, limit=limit, after=after)
    items, next_cursor = page("phone-queue", rows, limit, lambda i: (i.callable_from, i.created_at, i.id))
    now = clock.now()
    reads = []
    for item in items:
        task = await repo.get_task(session, item.task_id)
        reads.append(mapping.phone_item_read(item, now, task))
    return PhoneItemList(items=reads, next_cursor=next_cursor)


@router.post(
    "/phone-queue/{item_id}/result",
    response_model=PhoneItemRead,
    summary="Record a phone revisit: completed (task closed) or no_answer (electronic route stays open)",
)
async def record_phone_result(
    item_id: str, body: PhoneResultRequest, session: DbSession, staff: StaffIdentity
) -> PhoneItemRead:
    item = await phone.record_phone_result(session, item_id, body.outcome, body.note, staff.sub)
    task = await repo.get_task(session, item.task_id)
    return mapping.phone_item_read(item, clock.now(), task)


# --- customer (WeChat entry) ----------------------------------------------------------------------------
@router.get(
    "/customers/{customer_id}/revisits",
    response_model=CustomerRevisitList,
    summary="The customer's revisits that may be answered now (WeChat self-service)",
)
async def customer_revisits(customer_id: str, session: DbSession, identity: CurrentIdentity) -> CustomerRevisitList:
    ensure_customer_access(identity, customer_id)
    tasks = await service.customer_revisits(session, customer_id)
    return CustomerRevisitList(customer_id=customer_id, items=[mapping.customer_revisit_read(t) for t in tasks])


@router.post(
    "/customers/{customer_id}/revisits/{task_id}/link",
    response_model=IssuedLinkRead,
    status_code=201,
    summary="Start a WeChat self-service revisit: a personal link for the customer's own policy",
)
async def customer_revisit_link(
    customer_id: str, task_id: str, settings: SettingsDep, session: DbSession, identity: CurrentIdentity
) -> IssuedLinkRead:
    ensure_customer_access(identity, customer_id)
    issued = await links.issue_link(session, settings, task_id, "wechat", customer_id=customer_id)
    return _issued(issued)


# --- questionnaire (link holder, no JWT) -----------------------------------------------------------------
@public_router.post(
    "/revisit-sessions",
    response_model=SessionRead,
    status_code=201,
    summary="Prove identity with the link, get the questions",
)
async def create_revisit_session(
    body: SessionCreate, settings: SettingsDep, client: ClientDep, db: DatabaseDep, session: DbSession
) -> SessionRead:
    started = questionnaire.start_session(
        session, settings, body.token, body.id_last6, body.birth_date, ip=client.ip, user_agent=client.user_agent
    )
    row = await _keeping_effects(db, session, started)
    task = await repo.get_task(session, row.task_id)
    assert task is not None
    return SessionRead(
        session_id=row.id,
        policy_no=task.policy_no,
        product_name=task.product_name,
        intro=row.intro,
        questions=[QuestionRead(id=q["id"], text=q["text"]) for q in row.questions],
        min_seconds=row.min_seconds,
        seconds_remaining=math.ceil(rules.seconds_remaining(row.shown_at, clock.now(), row.min_seconds)),
        shown_at=row.shown_at,
        status=row.status,
    )


def _submit_read(result: SubmitResult) -> SubmitRead:
    row, task = result.session, result.task
    if row.status == "aborted":
        message = "您已中止本次电子化回访，我们的客服人员将在工作日9:00-17:30通过电话与您联系。"
    elif row.outcome == "completed":
        message = "电子回访已完成，感谢您的支持与配合。"
    else:
        message = "您的回访已提交。由于您的答复需要进一步确认，我们的客服人员将在工作日9:00-17:30通过电话与您联系。"
    return SubmitRead(
        session_id=row.id,
        status=row.status,
        outcome=row.outcome if row.status == "submitted" else "aborted",
        task_status=task.status,
        already_submitted=result.already_submitted,
        message=message,
        submitted_at=row.submitted_at or row.aborted_at,
    )


@public_router.post(
    "/revisit-sessions/{session_id}/submit",
    response_model=SubmitRead,
    summary="Submit the answers (at least the minimum answer time after the questions were shown)",
)
async def submit_revisit_session(
    session_id: str, body: SubmitRequest, client: ClientDep, db: DatabaseDep, session: DbSession
) -> SubmitRead:
    answers: dict[str, str] = {a.question_id: a.answer for a in body.answers}
    result = await _keeping_effects(
        db,
        session,
        questionnaire.submit(session, session_id, answers, body.remark, ip=client.ip, user_agent=client.user_agent),
    )
    return _submit_read(result)


@public_router.post(
    "/revisit-sessions/{session_id}/abort",
    response_model=SubmitRead,
    summary="Stop the questionnaire: the revisit goes to the call centre's phone queue",
)
async def abort_revisit_session(session_id: str, client: ClientDep, session: DbSession) -> SubmitRead:
    aborted = await questionnaire.abort(session, session_id, ip=client.ip, user_agent=client.user_agent)
    return _submit_read(aborted)


# --- the H5 page ----------------------------------------------------------------------------------------
@page_router.post("/r/{token}", response_class=HTMLResponse, summary="The identity form posted without JavaScript")
async def revisit_page_without_javascript(token: str, settings: SettingsDep) -> HTMLResponse:
    """A browser without JavaScript posted the identity form: nothing is checked or kept; the page
    asks to open the link with JavaScript (the ID digits were in the body, never in the URL)."""
    return h5.message_page(settings, "nojs")


@page_router.get("/r/{token}", response_class=HTMLResponse, summary="The H5 questionnaire page (Simplified Chinese)")
async def revisit_page(token: str, settings: SettingsDep, session: DbSession) -> HTMLResponse:
    link = await repo.get_link_by_hash(session, rules.hash_token(token))
    now: dt.datetime = clock.now()
    if link is None:
        return h5.message_page(settings, "unknown", status_code=404)
    if rules.link_expired(link.expires_at, now):
        return h5.message_page(settings, "expired", status_code=410)
    task = await repo.get_task(session, link.task_id)
    assert task is not None
    if task.status in rules.FINISHED_STATUSES:
        return h5.message_page(settings, "done")
    if not task.electronic_open:
        return h5.message_page(settings, "phone")
    return h5.questionnaire_page(settings, token)
