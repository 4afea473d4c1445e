"""Revisit use cases. Errors are declared at the top.

The request's (or consumer's) session owns the transaction: everything here adds and flushes.
A few errors must keep what was written before them (a failed identity check counts towards the
lock; a too-fast submit is audited): they carry ``keep_effects = True`` and the API layer commits
before rendering them.
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import NotificationRequestedV1, PolicyChangedV1, RevisitChangedV1, Topic
from services.revisit import repository as repo
from services.revisit import rules
from services.revisit.models import (
    IdentityAttempt,
    PhoneAttempt,
    PhoneQueueItem,
    RevisitLink,
    RevisitSession,
    RevisitTask,
    SubmissionAttempt,
)
from services.revisit.settings import RevisitSettings
from vipkit import clock
from vipkit.events import add_event
from vipkit.problems import Conflict, NotFound, Problem, ValidationProblem

SOURCE = "revisit"


# --- errors (SPEC 7.1 codes) -------------------------------------------------------------------------
class TaskNotFound(NotFound):
    pass


class LinkNotFound(NotFound):
    pass


class SessionNotFound(NotFound):
    pass


class PhoneItemNotFound(NotFound):
    pass


class LinkExpired(Problem):
    status = 410
    code = "link_expired"


class IdentityMismatch(Problem):
    status = 422
    code = "identity_mismatch"
    keep_effects = True


class SessionLocked(Problem):
    status = 423
    code = "session_locked"
    keep_effects = True


class AnsweredTooFast(Problem):
    status = 422
    code = "answered_too_fast"
    keep_effects = True


class RevisitNotOpen(Conflict):
    """The revisit is done, or continues by phone only (problem case, aborted)."""


class IllegalTransition(Problem):
    status = 409
    code = "illegal_transition"


class InvalidAnswers(ValidationProblem):
    pass


# --- results ---------------------------------------------------------------------------------------
@dataclass
class RunResult:
    as_of: dt.datetime
    first_sms: list[str] = field(default_factory=list)
    second_sms: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)


@dataclass
class IssuedLink:
    task: RevisitTask
    token: str
    url: str
    link: RevisitLink


@dataclass
class SubmitResult:
    session: RevisitSession
    task: RevisitTask
    already_submitted: bool


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


def facts_of(task: RevisitTask) -> rules.PolicyFacts:
    return rules.PolicyFacts(
        policy_no=task.policy_no,
        holder_customer_id=task.customer_id,
        holder_name=task.holder_name,
        holder_id_type=task.holder_id_type,
        holder_id_no=task.holder_id_no,
        holder_birth_date=task.holder_birth_date,
        insured_name=task.insured_name,
        insured_birth_date=task.insured_birth_date,
        product_name=task.product_name,
        product_kind=task.product_kind,
        channel=task.channel,
        payment_mode=task.payment_mode,
        payment_years=task.payment_years,
        coverage_years=task.coverage_years,
        annual_premium=task.annual_premium,
        status="in_force",
        underwritten_at=task.underwritten_at,
        effective_date=task.effective_date,
        cooling_off_end=task.cooling_off_end,
        electronic_contract=task.electronic_contract,
        first_policy_of_holder=task.first_policy_of_holder,
    )


class RevisitService:
    def __init__(self, session: AsyncSession, settings: RevisitSettings) -> None:
        self.session = session
        self.settings = settings

    # --- events ------------------------------------------------------------------------------------
    async def _publish_change(
        self,
        task: RevisitTask,
        from_status: str | None,
        *,
        outcome: str | None = None,
        answers: list[dict[str, Any]] | None = None,
        remark: str | None = None,
    ) -> None:
        await add_event(
            self.session,
            Topic.revisit_changed.value,
            RevisitChangedV1(
                task_id=task.id,
                policy_no=task.policy_no,
                customer_id=task.customer_id,
                from_status=from_status,
                to_status=task.status,
                outcome=outcome,  # type: ignore[arg-type]
                answers=answers,
                remark=remark,
            ),
            key=task.customer_id,
            source=SOURCE,
        )

    async def _set_status(self, task: RevisitTask, to_status: str, **event: Any) -> None:
        from_status = task.status
        task.status = to_status
        task.updated_at = clock.now()
        await self.session.flush()
        await self._publish_change(task, from_status, **event)

    # --- intake (policy.changed.v1) ------------------------------------------------------------------
    async def handle_policy_changed(self, data: PolicyChangedV1) -> RevisitTask | None:
        """Create one task per qualifying new policy; later updates of the same policy create nothing."""
        now = clock.now()
        existing = await repo.get_task_by_policy(self.session, data.policy_no, for_update=True)
        if existing is not None:
            await self._apply_policy_update(existing, data)
            return None
        facts = rules.PolicyFacts.from_document(
            data.policy_no,
            data.policy,
            holder_customer_id=data.holder_customer_id,
            first_policy_of_holder=data.first_policy_of_holder,
        )
        decision = rules.decide_task(facts, now)
        if not decision.create:
            return None
        task_id = new_id("rv")
        inserted = await repo.insert_task(
            self.session,
            {
                "id": task_id,
                "policy_no": data.policy_no,
                "customer_id": data.holder_customer_id,
                "status": decision.initial_status,
                "electronic_eligible": decision.electronic,
                "electronic_open": decision.electronic,
                "phone_reason": None if decision.electronic else "not_eligible",
                "holder_name": facts.holder_name,
                "holder_id_type": facts.holder_id_type,
                "holder_id_no": facts.holder_id_no,
                "holder_birth_date": facts.holder_birth_date,
                "holder_mobile": data.policy.holder.mobile,
                "insured_customer_id": data.insured_customer_id or data.policy.insured.customer_id,
                "insured_name": facts.insured_name,
                "insured_birth_date": facts.insured_birth_date,
                "product_code": data.policy.product.code,
                "product_name": facts.product_name,
                "product_kind": facts.product_kind,
                "channel": facts.channel,
                "payment_mode": facts.payment_mode,
                "payment_years": facts.payment_years,
                "coverage_years": facts.coverage_years,
                "annual_premium": facts.annual_premium,
                "underwritten_at": facts.underwritten_at,
                "effective_date": facts.effective_date,
                "cooling_off_end": facts.cooling_off_end,
                "electronic_contract": facts.electronic_contract,
                "first_policy_of_holder": facts.first_policy_of_holder,
                "first_sms_due_at": rules.first_sms_due(facts.underwritten_at),
                "escalation_due_at": rules.phone_escalation_due(facts.effective_date),
                "wechat_from": rules.wechat_available_from(
                    facts.first_policy_of_holder, facts.effective_date, facts.underwritten_at
                ),
                "identity_failures": 0,
                "created_at": now,
                "updated_at": now,
            },
        )
        if not inserted:  # a concurrent delivery of the same policy won the race
            return None
        task = await repo.get_task(self.session, task_id, for_update=True)
        assert task is not None
        await self._publish_change(task, None)
        if not decision.electronic:
            await self._queue_for_phone(task, "not_eligible")
        return task

    async def _apply_policy_update(self, task: RevisitTask, data: PolicyChangedV1) -> None:
        """Keep the contact mobile current; a policy cancelled or ended before the revisit closes the task."""
        mobile = data.policy.holder.mobile
        if mobile and mobile != task.holder_mobile:
            task.holder_mobile = mobile
            task.updated_at = clock.now()
        status = data.policy.status.value
        if status != "in_force" and task.status not in rules.FINISHED_STATUSES:
            task.electronic_open = False
            task.close_reason = f"policy_{status}"
            task.closed_at = clock.now()
            item = await repo.open_phone_item(self.session, task.id)
            if item is not None:
                self._close_item(item, f"policy_{status}")
            await self._set_status(task, "closed")
        await self.session.flush()

    # --- phone queue ------------------------------------------------------------------------------------
    def _close_item(self, item: PhoneQueueItem, outcome: str) -> None:
        item.status = "done"
        item.outcome = outcome
        item.open_task_id = None
        item.closed_at = clock.now()

    async def _queue_for_phone(
        self,
        task: RevisitTask,
        reason: rules.PhoneReason,
        *,
        answers: list[dict[str, Any]] | None = None,
        remark: str | None = None,
    ) -> PhoneQueueItem:
        """The task's open phone-queue item (one per task), created or updated with the latest reason."""
        now = clock.now()
        item = await repo.open_phone_item(self.session, task.id)
        if item is None:
            await repo.insert_phone_item(
                self.session,
                {
                    "id": new_id("pq"),
                    "task_id": task.id,
                    "open_task_id": task.id,
                    "policy_no": task.policy_no,
                    "customer_id": task.customer_id,
                    "reason": reason,
                    "status": "open",
                    "callable_from": rules.next_office_time(now),
                    "office_hours": rules.OFFICE_HOURS_TEXT,
                    "answers": answers,
                    "remark": remark,
                    "attempts": 0,
                    "created_at": now,
                },
            )
            item = await repo.open_phone_item(self.session, task.id)
            assert item is not None
            return item
        item.reason = reason
        if answers is not None:
            item.answers = answers
            item.remark = remark
        await self.session.flush()
        return item

    async def record_phone_result(self, item_id: str, outcome: str, note: str | None, staff_id: str) -> PhoneQueueItem:
        """The call centre's result: completed -> task closed; no answer -> electronic route stays open."""
        item = await repo.get_phone_item(self.session, item_id, for_update=True)
        if item is None:
            raise PhoneItemNotFound("phone-queue item not found")
        if item.status == "done":
            if outcome == "completed" and item.outcome == "completed":
                return item  # a repeated "completed" has no second effect
            raise IllegalTransition(f"phone-queue item is already done ({item.outcome})")
        task = await repo.get_task(self.session, item.task_id, for_update=True)
        assert task is not None
        now = clock.now()
        item.attempts += 1
        item.last_attempt_at = now
        item.note = note
        await repo.add_phone_attempt(
            self.session, PhoneAttempt(item_id=item.id, outcome=outcome, note=note, staff_id=staff_id, at=now)
        )
        if outcome == "completed":
            self._close_item(item, "completed")
            task.electronic_open = False
            task.closed_at = now
            task.close_reason = "phone_completed"
            await self._set_status(task, "closed", outcome="closed")
        else:
            item.outcome = "no_answer"
            item.callable_from = rules.next_office_time(now + dt.timedelta(hours=1))
            if item.reason != "problem" and task.electronic_eligible:
                task.electronic_open = True  # a failed call leaves (or re-opens) the electronic route
            task.updated_at = now
            await self.session.flush()
            await self._publish_change(task, task.status, outcome="phone_failed")
        return item

    # --- the daily run (SMS batches, second SMS, escalation) --------------------------------------------
    async def run_due(self, as_of: dt.datetime) -> RunResult:
        """Everything due by ``as_of``; running it again (same or earlier ``as_of``) does nothing new."""
        as_of = rules.local(as_of)
        result = RunResult(as_of=as_of)
        for task in await repo.tasks_due_first_sms(self.session, as_of):
            issued = await self._issue_link(task, "first_sms")
            await self._send_sms(task, "revisit_first_sms", issued.url)
            task.first_sms_at = as_of
            task.second_sms_due_at = rules.second_sms_due(as_of)
            if task.status == "pending":
                await self._set_status(task, "sms_sent")
            else:  # escalated before its batch: still in the phone queue, the electronic route stays open
                task.updated_at = clock.now()
            result.first_sms.append(task.policy_no)
        for task in await repo.tasks_due_second_sms(self.session, as_of):
            issued = await self._issue_link(task, "second_sms")
            await self._send_sms(task, "revisit_second_sms", issued.url)
            task.second_sms_at = as_of
            task.updated_at = clock.now()
            result.second_sms.append(task.policy_no)
        for task in await repo.tasks_due_escalation(self.session, as_of):
            task.phone_reason = "escalation"
            await self._set_status(task, "phone_queue")
            await self._queue_for_phone(task, "escalation")
            result.escalated.append(task.policy_no)
        await self.session.flush()
        return result

    async def _send_sms(self, task: RevisitTask, template: str, url: str) -> None:
        facts = facts_of(task)
        build = rules.first_sms_text if template == "revisit_first_sms" else rules.second_sms_text
        text = build(facts, url, self.settings.insurer_name, self.settings.hotline, self.settings.link_ttl_days)
        await add_event(
            self.session,
            Topic.notification_requested.value,
            NotificationRequestedV1(
                customer_id=task.customer_id,
                mobile=task.holder_mobile,
                template=template,
                text=text,
                source_service=SOURCE,
                reference=task.policy_no,
            ),
            key=task.customer_id,
            source=SOURCE,
        )

    # --- links ------------------------------------------------------------------------------------------
    async def _issue_link(self, task: RevisitTask, purpose: str) -> IssuedLink:
        token = secrets.token_urlsafe(32)
        now = clock.now()
        link = RevisitLink(
            id=new_id("ln"),
            task_id=task.id,
            token_hash=rules.hash_token(token),
            purpose=purpose,
            issued_at=now,
            expires_at=rules.link_expires_at(now, self.settings.link_ttl_days),
        )
        await repo.add_link(self.session, link)
        return IssuedLink(task, token, rules.revisit_url(self.settings.public_base_url, token), link)

    async def issue_link(self, task_id: str, purpose: str, *, customer_id: str | None = None) -> IssuedLink:
        """A fresh personal link (ops/demo, or the WeChat entry for the customer themselves)."""
        task = await repo.get_task(self.session, task_id, for_update=True)
        if task is None or (customer_id is not None and task.customer_id != customer_id):
            raise TaskNotFound("revisit not found")
        self._ensure_open(task)
        if customer_id is not None and clock.now() < task.wechat_from:
            raise RevisitNotOpen(
                "WeChat self-service is not open yet for this policy",
                available_from=rules.local(task.wechat_from).isoformat(),
            )
        return await self._issue_link(task, purpose)

    async def resolve_link(self, token: str) -> tuple[RevisitLink, RevisitTask]:
        link = await repo.get_link_by_hash(self.session, rules.hash_token(token))
        if link is None:
            raise LinkNotFound("revisit link not found")
        if rules.link_expired(link.expires_at, clock.now()):
            raise LinkExpired("this revisit link has expired", expired_at=rules.local(link.expires_at).isoformat())
        task = await repo.get_task(self.session, link.task_id)
        assert task is not None
        return link, task

    def _ensure_open(self, task: RevisitTask) -> None:
        if task.status in rules.FINISHED_STATUSES:
            raise RevisitNotOpen(f"revisit already finished ({task.status})", task_status=task.status)
        if not task.electronic_open:
            raise RevisitNotOpen("this revisit continues by phone with the call centre", task_status=task.status)

    # --- questionnaire sessions ---------------------------------------------------------------------------
    async def start_session(
        self, token: str, id_last6: str, birth_date: dt.date, *, ip: str | None, user_agent: str | None
    ) -> RevisitSession:
        """Identity step, then the questions (the same session again while it is being answered)."""
        link, _ = await self.resolve_link(token)
        task = await repo.get_task(self.session, link.task_id, for_update=True)
        assert task is not None
        self._ensure_open(task)
        now = clock.now()
        if task.identity_locked_until is not None:
            if now < task.identity_locked_until:
                raise SessionLocked(
                    "too many failed identity checks; try again later or call the hotline",
                    locked_until=rules.local(task.identity_locked_until).isoformat(),
                )
            task.identity_locked_until = None
            task.identity_failures = 0
        matched = rules.identity_matches(task.holder_id_no, task.holder_birth_date, id_last6, birth_date)
        attempt = IdentityAttempt(
            task_id=task.id, link_id=link.id, matched=matched, locked=False, ip=ip, user_agent=_ua(user_agent), at=now
        )
        if not matched:
            task.identity_failures += 1
            task.updated_at = now
            if rules.identity_locked(task.identity_failures, self.settings.identity_max_attempts):
                task.identity_locked_until = now + dt.timedelta(minutes=self.settings.identity_lock_minutes)
                attempt.locked = True
                await repo.add_identity_attempt(self.session, attempt)
                raise SessionLocked(
                    "too many failed identity checks; try again later or call the hotline",
                    locked_until=rules.local(task.identity_locked_until).isoformat(),
                )
            await repo.add_identity_attempt(self.session, attempt)
            raise IdentityMismatch(
                "the ID number's last 6 characters or the birth date do not match the policyholder",
                attempts_left=self.settings.identity_max_attempts - task.identity_failures,
            )
        await repo.add_identity_attempt(self.session, attempt)
        failures_before, task.identity_failures = task.identity_failures, 0
        existing = await repo.answering_session_of_task(self.session, task.id)
        if existing is not None:
            return existing
        facts = facts_of(task)
        row = RevisitSession(
            id=new_id("rs"),
            task_id=task.id,
            link_id=link.id,
            status="answering",
            identity_attempts=failures_before + 1,
            identity_verified_at=now,
            questions=[{"id": q.id, "text": q.text} for q in rules.build_questions(facts)],
            intro=rules.build_intro(facts, self.settings.insurer_name),
            shown_at=now,
            min_seconds=self.settings.min_answer_seconds,
            too_fast_attempts=0,
            ip=ip,
            user_agent=_ua(user_agent),
            created_at=now,
        )
        await repo.add_session(self.session, row)
        return row

    async def _answering_session(self, session_id: str) -> RevisitSession:
        row = await repo.get_session_row(self.session, session_id, for_update=True)
        if row is None:
            raise SessionNotFound("revisit session not found")
        return row

    async def submit(
        self,
        session_id: str,
        answers: dict[str, str],
        remark: str | None,
        *,
        ip: str | None,
        user_agent: str | None,
    ) -> SubmitResult:
        row = await self._answering_session(session_id)
        task = await repo.get_task(self.session, row.task_id, for_update=True)
        assert task is not None
        if row.status == "submitted":
            return SubmitResult(row, task, already_submitted=True)
        if row.status == "aborted":
            raise RevisitNotOpen("this revisit was aborted and continues by phone", task_status=task.status)
        self._ensure_open(task)
        now = clock.now()
        remaining = rules.seconds_remaining(row.shown_at, now, row.min_seconds)
        if remaining > 0:
            row.too_fast_attempts += 1
            await repo.add_submission_attempt(
                self.session,
                SubmissionAttempt(
                    session_id=row.id,
                    task_id=task.id,
                    refusal=AnsweredTooFast.code,
                    seconds_remaining=math.ceil(remaining),
                    answers=[{"question_id": q, "answer": a} for q, a in answers.items()],
                    remark=rules.normalize_remark(remark),
                    ip=ip,
                    user_agent=_ua(user_agent),
                    at=now,
                ),
            )
            raise AnsweredTooFast(
                f"answered too fast: the questionnaire needs at least {row.min_seconds} seconds",
                seconds_remaining=math.ceil(remaining),
                min_seconds=row.min_seconds,
            )
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
        row.submit_user_agent = _ua(user_agent)
        task.outcome = outcome
        task.electronic_open = False
        if outcome == "completed":
            task.completed_at = now
            item = await repo.open_phone_item(self.session, task.id)
            if item is not None:
                self._close_item(item, "completed_electronically")
            await self._set_status(task, "completed", outcome="completed", answers=recorded, remark=clean_remark)
        else:
            task.phone_reason = "problem"
            await self._set_status(task, "problem", outcome="problem", answers=recorded, remark=clean_remark)
            await self._queue_for_phone(task, "problem", answers=recorded, remark=clean_remark)
        return SubmitResult(row, task, already_submitted=False)

    async def abort(self, session_id: str, *, ip: str | None, user_agent: str | None) -> SubmitResult:
        """The customer stops: the revisit goes to the phone queue (submitting after that is refused)."""
        row = await self._answering_session(session_id)
        task = await repo.get_task(self.session, row.task_id, for_update=True)
        assert task is not None
        if row.status == "aborted":
            return SubmitResult(row, task, already_submitted=True)
        if row.status == "submitted":
            raise RevisitNotOpen("this questionnaire was already submitted", task_status=task.status)
        self._ensure_open(task)
        now = clock.now()
        row.status = "aborted"
        row.aborted_at = now
        row.submit_ip = ip
        row.submit_user_agent = _ua(user_agent)
        task.electronic_open = False
        task.phone_reason = "aborted"
        await self._set_status(task, "phone_queue", outcome="aborted")
        await self._queue_for_phone(task, "aborted")
        return SubmitResult(row, task, already_submitted=False)

    # --- views ---------------------------------------------------------------------------------------------
    async def customer_revisits(self, customer_id: str) -> list[RevisitTask]:
        """WeChat entry: what the customer may answer now (first-time: effective + 1 day; returning: +5 min)."""
        now = clock.now()
        tasks = await repo.customer_tasks_open_electronically(self.session, customer_id, now)
        return [t for t in tasks if t.identity_locked_until is None or t.identity_locked_until <= now]

    async def task_detail(self, task_id: str) -> dict[str, Any]:
        task = await repo.get_task(self.session, task_id)
        if task is None:
            raise TaskNotFound("revisit not found")
        return {
            "task": task,
            "links": await repo.links_of_task(self.session, task_id),
            "sessions": await repo.sessions_of_task(self.session, task_id),
            "identity_attempts": await repo.identity_attempts_of_task(self.session, task_id),
            "refused_submissions": await repo.submission_attempts_of_task(self.session, task_id),
            "phone_items": await repo.phone_items_of_task(self.session, task_id),
        }


def _ua(user_agent: str | None) -> str | None:
    return user_agent[:500] if user_agent else None
