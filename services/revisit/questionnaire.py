"""The H5 questionnaire (SPEC 5): identity step, answers (minimum time, audit), abort."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import NoReturn

from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit import repository as repo
from services.revisit import rules
from services.revisit.errors import (
    AnsweredTooFast,
    IdentityMismatch,
    InvalidAnswers,
    RevisitNotOpen,
    SessionLocked,
    SessionNotFound,
)
from services.revisit.events import new_id, set_status
from services.revisit.links import ensure_open, resolve_link
from services.revisit.mapping import facts_of
from services.revisit.models import IdentityAttempt, RevisitSession, RevisitTask, SubmissionAttempt
from services.revisit.phone import close_item, queue_for_phone
from services.revisit.settings import RevisitSettings
from vipkit import clock


@dataclass
class SubmitResult:
    session: RevisitSession
    task: RevisitTask
    already_submitted: bool


def user_agent_of(user_agent: str | None) -> str | None:
    return user_agent[:500] if user_agent else None


async def start_session(
    session: AsyncSession,
    settings: RevisitSettings,
    token: str,
    id_last6: str,
    birth_date: dt.date,
    *,
    ip: str | None,
    user_agent: str | None,
) -> RevisitSession:
    """Identity step, then the questions (the same session again while it is being answered)."""
    link, _ = await resolve_link(session, token)
    task = await repo.get_task(session, link.task_id, for_update=True)
    assert task is not None
    ensure_open(task)
    now = clock.now()
    refuse_while_locked(task, now)
    matched = rules.identity_matches(task.holder_id_no, task.holder_birth_date, id_last6, birth_date)
    attempt = IdentityAttempt(
        task_id=task.id,
        link_id=link.id,
        matched=matched,
        locked=False,
        ip=ip,
        user_agent=user_agent_of(user_agent),
        at=now,
    )
    if not matched:
        await refuse_identity(session, settings, task, attempt)
    await repo.add_identity_attempt(session, attempt)
    failures_before, task.identity_failures = task.identity_failures, 0
    existing = await repo.answering_session_of_task(session, task.id)
    if existing is not None:
        return existing
    row = new_session(settings, task, link.id, failures_before + 1, now, ip=ip, user_agent=user_agent)
    await repo.add_session(session, row)
    return row


def new_session(
    settings: RevisitSettings,
    task: RevisitTask,
    link_id: str,
    identity_attempts: int,
    now: dt.datetime,
    *,
    ip: str | None,
    user_agent: str | None,
) -> RevisitSession:
    """A verified session with the policy's questions shown now (the minimum answer time starts)."""
    facts = facts_of(task)
    return RevisitSession(
        id=new_id("rs"),
        task_id=task.id,
        link_id=link_id,
        status="answering",
        identity_attempts=identity_attempts,
        identity_verified_at=now,
        questions=[{"id": q.id, "text": q.text} for q in rules.build_questions(facts)],
        intro=rules.build_intro(facts, settings.insurer_name),
        shown_at=now,
        min_seconds=settings.min_answer_seconds,
        too_fast_attempts=0,
        ip=ip,
        user_agent=user_agent_of(user_agent),
        created_at=now,
    )


def refuse_while_locked(task: RevisitTask, now: dt.datetime) -> None:
    """Refused while the identity lock lasts; once it has passed, the failures count from zero."""
    if task.identity_locked_until is None:
        return
    if now < task.identity_locked_until:
        raise SessionLocked(
            "too many failed identity checks; try again later or call the hotline",
            locked_until=rules.local(task.identity_locked_until).isoformat(),
        )
    task.identity_locked_until = None
    task.identity_failures = 0


async def refuse_identity(
    session: AsyncSession, settings: RevisitSettings, task: RevisitTask, attempt: IdentityAttempt
) -> NoReturn:
    """A failed identity check: counted and audited (kept by the caller), the task locked at the limit."""
    now = attempt.at
    task.identity_failures += 1
    task.updated_at = now
    if rules.identity_locked(task.identity_failures, settings.identity_max_attempts):
        task.identity_locked_until = now + dt.timedelta(minutes=settings.identity_lock_minutes)
        attempt.locked = True
        await repo.add_identity_attempt(session, attempt)
        raise SessionLocked(
            "too many failed identity checks; try again later or call the hotline",
            locked_until=rules.local(task.identity_locked_until).isoformat(),
        )
    await repo.add_identity_attempt(session, attempt)
    raise IdentityMismatch(
        "the ID number's last 6 characters or the birth date do not match the policyholder",
        attempts_left=settings.identity_max_attempts - task.identity_failures,
    )


async def answering_session(session: AsyncSession, session_id: str) -> RevisitSession:
    row = await repo.get_session_row(session, session_id, for_update=True)
    if row is None:
        raise SessionNotFound("revisit session not found")
    return row


async def submit(
    session: AsyncSession,
    session_id: str,
    answers: dict[str, str],
    remark: str | None,
    *,
    ip: str | None,
    user_agent: str | None,
) -> SubmitResult:
    row = await answering_session(session, session_id)
    task = await repo.get_task(session, row.task_id, for_update=True)
    assert task is not None
    if row.status == "submitted":
        return SubmitResult(row, task, already_submitted=True)
    if row.status == "aborted":
        raise RevisitNotOpen("this revisit was aborted and continues by phone", task_status=task.status)
    ensure_open(task)
    now = clock.now()
    remaining = rules.seconds_remaining(row.shown_at, now, row.min_seconds)
    if remaining > 0:
        await refuse_too_fast(session, row, remaining, answers, remark, ip=ip, user_agent=user_agent)
    question_ids = [q["id"] for q in row.questions]
    clean_remark = rules.normalize_remark(remark)
    try:
        outcome = rules.decide_outcome(question_ids, answers, clean_remark)
    except rules.AnswerError as exc:
        raise InvalidAnswers(f"answers: {exc}", errors=[{"field": "answers", "message": str(exc)}]) from exc
    recorded = [{"question_id": q["id"], "text": q["text"], "answer": answers[q["id"]]} for q in row.questions]
    row.status = "submitted"
    row.answers = recorded
    row.remark = clean_remark
    row.outcome = outcome
    row.submitted_at = now
    row.submit_ip = ip
    row.submit_user_agent = user_agent_of(user_agent)
    await finish_task(session, task, outcome, recorded, clean_remark)
    return SubmitResult(row, task, already_submitted=False)


async def refuse_too_fast(
    session: AsyncSession,
    row: RevisitSession,
    remaining: float,
    answers: dict[str, str],
    remark: str | None,
    *,
    ip: str | None,
    user_agent: str | None,
) -> NoReturn:
    """Answered before the minimum time: refused, and the attempt audited with its answers."""
    row.too_fast_attempts += 1
    await repo.add_submission_attempt(
        session,
        SubmissionAttempt(
            session_id=row.id,
            task_id=row.task_id,
            refusal=AnsweredTooFast.code,
            seconds_remaining=math.ceil(remaining),
            answers=[{"question_id": q, "answer": a} for q, a in answers.items()],
            remark=rules.normalize_remark(remark),
            ip=ip,
            user_agent=user_agent_of(user_agent),
            at=clock.now(),
        ),
    )
    raise AnsweredTooFast(
        f"answered too fast: the questionnaire needs at least {row.min_seconds} seconds",
        seconds_remaining=math.ceil(remaining),
        min_seconds=row.min_seconds,
    )


async def finish_task(
    session: AsyncSession, task: RevisitTask, outcome: str, recorded: list[dict[str, str]], remark: str | None
) -> None:
    """The submitted answers decide: completed (a phone item closes), or a problem case for the phone queue."""
    task.outcome = outcome
    task.electronic_open = False
    if outcome == "completed":
        task.completed_at = clock.now()
        item = await repo.open_phone_item(session, task.id)
        if item is not None:
            close_item(item, "completed_electronically")
        await set_status(session, task, "completed", outcome="completed", answers=recorded, remark=remark)
    else:
        task.phone_reason = "problem"
        await set_status(session, task, "problem", outcome="problem", answers=recorded, remark=remark)
        await queue_for_phone(session, task, "problem", answers=recorded, remark=remark)


async def abort(session: AsyncSession, session_id: str, *, ip: str | None, user_agent: str | None) -> SubmitResult:
    """The customer stops: the revisit goes to the phone queue (submitting after that is refused)."""
    row = await answering_session(session, session_id)
    task = await repo.get_task(session, row.task_id, for_update=True)
    assert task is not None
    if row.status == "aborted":
        return SubmitResult(row, task, already_submitted=True)
    if row.status == "submitted":
        raise RevisitNotOpen("this questionnaire was already submitted", task_status=task.status)
    ensure_open(task)
    now = clock.now()
    row.status = "aborted"
    row.aborted_at = now
    row.submit_ip = ip
    row.submit_user_agent = user_agent_of(user_agent)
    task.electronic_open = False
    task.phone_reason = "aborted"
    await set_status(session, task, "phone_queue", outcome="aborted")
    await queue_for_phone(session, task, "aborted")
    return SubmitResult(row, task, already_submitted=False)
