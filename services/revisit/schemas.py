"""Revisit API models (pydantic), kept apart from the tables.

Identity and mobile numbers are masked in every response (``vipkit.masking``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator

from services.revisit import rules
from services.revisit.models import (
    IdentityAttempt,
    PhoneQueueItem,
    RevisitLink,
    RevisitSession,
    RevisitTask,
    SubmissionAttempt,
)
from vipkit.masking import mask_id_no, mask_mobile, mask_text
from vipkit.pagination import PageFields

LocalDateTime = Annotated[
    dt.datetime,
    PlainSerializer(lambda v: rules.local(v).isoformat(), return_type=str, when_used="json"),
]
"""Datetimes leave in Asia/Shanghai local time with their offset."""


class LocalTimes(BaseModel):
    """Base of the read models (datetimes as ``LocalDateTime``, money as two-decimal strings)."""


# --- runs ------------------------------------------------------------------------------------------
class RunRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: dt.datetime = Field(description="Aware local time, e.g. 2026-05-09T10:00:00+08:00")

    @field_validator("as_of")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("as_of needs an offset, e.g. 2026-05-09T10:00:00+08:00")
        return value


class RunRead(LocalTimes):
    as_of: LocalDateTime
    first_sms: int
    second_sms: int
    escalated: int
    first_sms_policies: list[str]
    second_sms_policies: list[str]
    escalated_policies: list[str]


# --- tasks -------------------------------------------------------------------------------------------
class TaskRead(LocalTimes):
    task_id: str
    policy_no: str
    customer_id: str
    status: str
    outcome: str | None
    electronic_eligible: bool
    electronic_open: bool
    phone_reason: str | None
    close_reason: str | None
    holder_name: str
    holder_id_no: str | None
    holder_mobile: str | None
    product_name: str
    product_kind: str
    channel: str
    payment_mode: str
    payment_years: int
    coverage_years: int | None
    annual_premium: str = Field(description="CNY, two decimals")
    underwritten_at: LocalDateTime
    effective_date: dt.date
    cooling_off_end: dt.date
    first_policy_of_holder: bool
    first_sms_due_at: LocalDateTime
    first_sms_at: LocalDateTime | None
    second_sms_due_at: LocalDateTime | None
    second_sms_at: LocalDateTime | None
    escalation_due_at: LocalDateTime
    wechat_from: LocalDateTime
    identity_failures: int
    identity_locked_until: LocalDateTime | None
    created_at: LocalDateTime
    updated_at: LocalDateTime
    completed_at: LocalDateTime | None
    closed_at: LocalDateTime | None

    @classmethod
    def of(cls, t: RevisitTask) -> TaskRead:
        return cls(
            task_id=t.id,
            policy_no=t.policy_no,
            customer_id=t.customer_id,
            status=t.status,
            outcome=t.outcome,
            electronic_eligible=t.electronic_eligible,
            electronic_open=t.electronic_open,
            phone_reason=t.phone_reason,
            close_reason=t.close_reason,
            holder_name=t.holder_name,
            holder_id_no=mask_id_no(t.holder_id_no),
            holder_mobile=mask_mobile(t.holder_mobile),
            product_name=t.product_name,
            product_kind=t.product_kind,
            channel=t.channel,
            payment_mode=t.payment_mode,
            payment_years=t.payment_years,
            coverage_years=t.coverage_years,
            annual_premium=f"{t.annual_premium:.2f}",
            underwritten_at=t.underwritten_at,
            effective_date=t.effective_date,
            cooling_off_end=t.cooling_off_end,
            first_policy_of_holder=t.first_policy_of_holder,
            first_sms_due_at=t.first_sms_due_at,
            first_sms_at=t.first_sms_at,
            second_sms_due_at=t.second_sms_due_at,
            second_sms_at=t.second_sms_at,
            escalation_due_at=t.escalation_due_at,
            wechat_from=t.wechat_from,
            identity_failures=t.identity_failures,
            identity_locked_until=t.identity_locked_until,
            created_at=t.created_at,
            updated_at=t.updated_at,
            completed_at=t.completed_at,
            closed_at=t.closed_at,
        )


class TaskList(PageFields):
    items: list[TaskRead]


class LinkInfo(LocalTimes):
    link_id: str
    purpose: str
    issued_at: LocalDateTime
    expires_at: LocalDateTime

    @classmethod
    def of(cls, link: RevisitLink) -> LinkInfo:
        return cls(link_id=link.id, purpose=link.purpose, issued_at=link.issued_at, expires_at=link.expires_at)


class IssuedLinkRead(LocalTimes):
    task_id: str
    policy_no: str
    url: str
    token: str
    expires_at: LocalDateTime


class SessionAudit(LocalTimes):
    session_id: str
    status: str
    identity_attempts: int
    identity_verified_at: LocalDateTime | None
    questions: list[dict[str, Any]]
    shown_at: LocalDateTime
    min_seconds: int
    too_fast_attempts: int
    answers: list[dict[str, Any]] | None
    remark: str | None
    outcome: str | None
    submitted_at: LocalDateTime | None
    aborted_at: LocalDateTime | None
    ip: str | None
    user_agent: str | None
    submit_ip: str | None
    submit_user_agent: str | None

    @classmethod
    def of(cls, s: RevisitSession) -> SessionAudit:
        return cls(
            session_id=s.id,
            status=s.status,
            identity_attempts=s.identity_attempts,
            identity_verified_at=s.identity_verified_at,
            questions=s.questions,
            shown_at=s.shown_at,
            min_seconds=s.min_seconds,
            too_fast_attempts=s.too_fast_attempts,
            answers=s.answers,
            remark=masked_text(s.remark),
            outcome=s.outcome,
            submitted_at=s.submitted_at,
            aborted_at=s.aborted_at,
            ip=s.ip,
            user_agent=s.user_agent,
            submit_ip=s.submit_ip,
            submit_user_agent=s.submit_user_agent,
        )


def masked_text(text: str | None) -> str | None:
    """Free text written by a customer or staff (remark, call note): ID and mobile numbers masked."""
    return mask_text(text) if text is not None else None


class RefusedSubmissionRead(LocalTimes):
    """A too-fast submission, audited like an accepted one (answers, remark, time, IP, user agent)."""

    session_id: str
    refusal: str
    seconds_remaining: int
    answers: list[dict[str, Any]]
    remark: str | None
    ip: str | None
    user_agent: str | None
    at: LocalDateTime

    @classmethod
    def of(cls, a: SubmissionAttempt) -> RefusedSubmissionRead:
        return cls(
            session_id=a.session_id,
            refusal=a.refusal,
            seconds_remaining=a.seconds_remaining,
            answers=a.answers,
            remark=masked_text(a.remark),
            ip=a.ip,
            user_agent=a.user_agent,
            at=a.at,
        )


class IdentityAttemptRead(LocalTimes):
    matched: bool
    locked: bool
    ip: str | None
    user_agent: str | None
    at: LocalDateTime

    @classmethod
    def of(cls, a: IdentityAttempt) -> IdentityAttemptRead:
        return cls(matched=a.matched, locked=a.locked, ip=a.ip, user_agent=a.user_agent, at=a.at)


# --- phone queue ---------------------------------------------------------------------------------------
class PhoneItemRead(LocalTimes):
    item_id: str
    task_id: str
    policy_no: str
    customer_id: str
    reason: str
    status: str
    callable_from: LocalDateTime
    callable_now: bool
    office_hours: str
    holder_name: str | None = None
    holder_mobile: str | None = None
    answers: list[dict[str, Any]] | None
    remark: str | None
    attempts: int
    last_attempt_at: LocalDateTime | None
    outcome: str | None
    note: str | None
    created_at: LocalDateTime
    closed_at: LocalDateTime | None

    @classmethod
    def of(cls, item: PhoneQueueItem, now: dt.datetime, task: RevisitTask | None = None) -> PhoneItemRead:
        return cls(
            item_id=item.id,
            task_id=item.task_id,
            policy_no=item.policy_no,
            customer_id=item.customer_id,
            reason=item.reason,
            status=item.status,
            callable_from=item.callable_from,
            callable_now=item.status == "open" and item.callable_from <= now and rules.is_office_time(now),
            office_hours=item.office_hours,
            holder_name=task.holder_name if task else None,
            holder_mobile=mask_mobile(task.holder_mobile) if task else None,
            answers=item.answers,
            remark=masked_text(item.remark),
            attempts=item.attempts,
            last_attempt_at=item.last_attempt_at,
            outcome=item.outcome,
            note=masked_text(item.note),
            created_at=item.created_at,
            closed_at=item.closed_at,
        )


class PhoneItemList(PageFields):
    items: list[PhoneItemRead]


class PhoneResultRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["completed", "no_answer"]
    note: str | None = Field(default=None, max_length=500)


class TaskDetail(BaseModel):
    task: TaskRead
    links: list[LinkInfo]
    sessions: list[SessionAudit]
    identity_attempts: list[IdentityAttemptRead]
    refused_submissions: list[RefusedSubmissionRead]
    phone_items: list[PhoneItemRead]


# --- customer (WeChat) -----------------------------------------------------------------------------------
class CustomerRevisitRead(LocalTimes):
    task_id: str
    policy_no: str
    product_name: str
    status: str
    underwritten_at: LocalDateTime
    effective_date: dt.date
    available_from: LocalDateTime

    @classmethod
    def of(cls, t: RevisitTask) -> CustomerRevisitRead:
        return cls(
            task_id=t.id,
            policy_no=t.policy_no,
            product_name=t.product_name,
            status=t.status,
            underwritten_at=t.underwritten_at,
            effective_date=t.effective_date,
            available_from=t.wechat_from,
        )


class CustomerRevisitList(BaseModel):
    customer_id: str
    items: list[CustomerRevisitRead]
