"""Revisit API models (pydantic), kept apart from the tables.

Identity and mobile numbers are masked in every response (``vipkit.masking``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator

from services.revisit import rules
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
    """Run the revisit batches due at a time: 10:00 SMS, second SMS, phone escalation (SPEC 5)."""

    model_config = ConfigDict(extra="forbid")

    as_of: dt.datetime = Field(description="Aware local time, e.g. 2026-05-09T10:00:00+08:00")

    @field_validator("as_of")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("as_of needs an offset, e.g. 2026-05-09T10:00:00+08:00")
        return value


class RunRead(LocalTimes):
    """What a revisit run did."""

    as_of: LocalDateTime = Field(description="The time run. Asia/Shanghai local time with offset.")
    first_sms: int = Field(description="First SMS links sent.")
    second_sms: int = Field(description="Second SMS links sent (3 days after the first).")
    escalated: int = Field(description="Tasks moved to the phone queue (not done 3 days after the effective date).")
    first_sms_policies: list[str] = Field(description="The policies that got a first SMS.")
    second_sms_policies: list[str] = Field(description="The policies that got a second SMS.")
    escalated_policies: list[str] = Field(description="The policies escalated to the phone queue.")


# --- tasks -------------------------------------------------------------------------------------------
class TaskRead(LocalTimes):
    """A revisit task of one policy (SPEC 5), for ops; holder numbers masked."""

    task_id: str = Field(description="The task's id.")
    policy_no: str = Field(description="The policy number, e.g. `P2026091800001`.")
    customer_id: str = Field(description="The policyholder's customer id.")
    status: str = Field(description="pending | sms_sent | completed | problem (问题件) | phone_queue | closed")
    outcome: str | None = Field(description="completed | problem | closed; null while open.")
    electronic_eligible: bool = Field(
        description="Resident ID card and electronic contract: may revisit electronically (SPEC 5)."
    )
    electronic_open: bool = Field(description="The electronic route is still open (links and WeChat work).")
    phone_reason: str | None = Field(
        description="Why it is in the phone queue: not_eligible | escalation | problem | aborted."
    )
    close_reason: str | None = Field(
        description="Why it was closed: phone_completed, policy_<status> (the policy ended), ..."
    )
    holder_name: str = Field(description="The policyholder's name, e.g. `张伟`.")
    holder_id_no: str | None = Field(description="The holder's ID number, masked: `110101********1234`.")
    holder_mobile: str | None = Field(description="The holder's mobile, masked: `138****8000`.")
    product_name: str = Field(description="The product's name in Chinese.")
    product_kind: str = Field(description="The product kind (health products ask about the waiting period).")
    channel: str = Field(description="The sales channel.")
    payment_mode: str = Field(description="regular | single (quoted in question 3).")
    payment_years: int = Field(description="Payment term in years (quoted in question 3).")
    coverage_years: int | None = Field(description="Coverage term in years; null = whole life.")
    annual_premium: str = Field(description="CNY, two decimals")
    underwritten_at: LocalDateTime = Field(
        description="When the policy was underwritten (decides the SMS batch). Asia/Shanghai local time with offset."
    )
    effective_date: dt.date = Field(description="The policy's effective date.")
    cooling_off_end: dt.date = Field(description="Last day of the 15-day cooling-off period.")
    first_policy_of_holder: bool = Field(
        description="The holder's first policy: WeChat opens on effective date + 1 day (else 5 min after underwriting)."
    )
    first_sms_due_at: LocalDateTime = Field(
        description="When the first SMS is due (the 10:00 batch after underwriting), local time with offset."
    )
    first_sms_at: LocalDateTime | None = Field(description="When it was sent.")
    second_sms_due_at: LocalDateTime | None = Field(description="When the second SMS is due (3 days after the first).")
    second_sms_at: LocalDateTime | None = Field(description="When it was sent.")
    escalation_due_at: LocalDateTime = Field(
        description="When an undone task goes to the phone queue (3 days after the effective date)."
    )
    wechat_from: LocalDateTime = Field(
        description="When WeChat self-service opens for it. Asia/Shanghai local time with offset."
    )
    identity_failures: int = Field(description="Failed identity checks in a row.")
    identity_locked_until: LocalDateTime | None = Field(
        description="Identity checks refused until then (too many failures)."
    )
    created_at: LocalDateTime = Field(description="When the task was created.")
    updated_at: LocalDateTime = Field(description="When it last changed.")
    completed_at: LocalDateTime | None = Field(description="When the revisit was completed.")
    closed_at: LocalDateTime | None = Field(description="When the task was closed.")


class TaskList(PageFields):
    """A page of revisit tasks (cursor paging)."""

    items: list[TaskRead] = Field(description="The tasks on this page.")


class LinkInfo(LocalTimes):
    """An SMS or WeChat link issued for a task (the token itself is not shown)."""

    link_id: str = Field(description="The link's id.")
    purpose: str = Field(
        description="Why it was issued: first_sms | second_sms | wechat (self-service) | ops (issued by ops)."
    )
    issued_at: LocalDateTime = Field(description="When it was issued. Asia/Shanghai local time with offset.")
    expires_at: LocalDateTime = Field(
        description="When it expires (30 days after issue). Asia/Shanghai local time with offset."
    )


class IssuedLinkRead(LocalTimes):
    """A newly issued revisit link (the only answer that carries the token)."""

    task_id: str = Field(description="The task's id.")
    policy_no: str = Field(description="The policy number.")
    url: str = Field(description="The H5 page's URL, `.../r/{token}`.")
    token: str = Field(description="The unguessable single-policy token (also in the URL).")
    expires_at: LocalDateTime = Field(description="When it expires (30 days). Asia/Shanghai local time with offset.")


class SessionAudit(LocalTimes):
    """One questionnaire session as kept for audit: questions as shown, answers, times, IP, user agent."""

    session_id: str = Field(description="The session's id.")
    status: str = Field(description="answering | submitted | aborted")
    identity_attempts: int = Field(description="Identity checks made in this session.")
    identity_verified_at: LocalDateTime | None = Field(description="When identity was proven.")
    questions: list[dict[str, Any]] = Field(description="The question texts exactly as shown (`{id, text}`).")
    shown_at: LocalDateTime = Field(
        description="When the first question was shown (the minimum time runs from it), local time."
    )
    min_seconds: int = Field(description="Minimum answer time in seconds (60 by default).")
    too_fast_attempts: int = Field(description="Submissions refused as too fast.")
    answers: list[dict[str, Any]] | None = Field(
        description="The accepted answers (`{question_id, answer}`); null before submission."
    )
    remark: str | None = Field(description="The customer's remark (≤ 200 characters), ID and mobile numbers masked.")
    outcome: str | None = Field(description="completed | problem; null before submission.")
    submitted_at: LocalDateTime | None = Field(description="When it was submitted.")
    aborted_at: LocalDateTime | None = Field(description="When the customer aborted it (→ phone queue).")
    ip: str | None = Field(description="The client IP that opened the session.")
    user_agent: str | None = Field(description="The browser's user agent that opened it.")
    submit_ip: str | None = Field(description="The client IP of the submission.")
    submit_user_agent: str | None = Field(description="The user agent of the submission.")


class RefusedSubmissionRead(LocalTimes):
    """A too-fast submission, audited like an accepted one (answers, remark, time, IP, user agent)."""

    session_id: str = Field(description="The session's id.")
    refusal: str = Field(description="Why it was refused: answered_too_fast.")
    seconds_remaining: int = Field(description="Seconds still to wait at that moment.")
    answers: list[dict[str, Any]] = Field(description="The answers sent (`{question_id, answer}`).")
    remark: str | None = Field(description="The remark sent, ID and mobile numbers masked.")
    ip: str | None = Field(description="The client IP.")
    user_agent: str | None = Field(description="The browser's user agent.")
    at: LocalDateTime = Field(description="When. Asia/Shanghai local time with offset.")


class IdentityAttemptRead(LocalTimes):
    """One identity check (ID number's last 6 + birth date)."""

    matched: bool = Field(description="True when it matched.")
    locked: bool = Field(description="True when this failure locked further checks.")
    ip: str | None = Field(description="The client IP.")
    user_agent: str | None = Field(description="The browser's user agent.")
    at: LocalDateTime = Field(description="When. Asia/Shanghai local time with offset.")


# --- phone queue ---------------------------------------------------------------------------------------
class PhoneItemRead(LocalTimes):
    """An item of the call-centre phone queue (working days 9:00-17:30, SPEC 5)."""

    item_id: str = Field(description="The item's id.")
    task_id: str = Field(description="The revisit task.")
    policy_no: str = Field(description="The policy number.")
    customer_id: str = Field(description="The policyholder's customer id.")
    reason: str = Field(description="not_eligible | escalation | problem (answers attached) | aborted")
    status: str = Field(description="open | done")
    callable_from: LocalDateTime = Field(
        description="Not to be called before this time. Asia/Shanghai local time with offset."
    )
    callable_now: bool = Field(description="True when open, due and inside office hours now.")
    office_hours: str = Field(description="The call centre's hours in Chinese: `工作日 9:00-17:30`.")
    holder_name: str | None = Field(default=None, description="The policyholder's name, e.g. `张伟`.")
    holder_mobile: str | None = Field(default=None, description="The number to call, masked: `138****8000`.")
    answers: list[dict[str, Any]] | None = Field(description="The electronic answers, for a problem case.")
    remark: str | None = Field(description="The customer's remark, numbers masked.")
    attempts: int = Field(description="Call attempts made.")
    last_attempt_at: LocalDateTime | None = Field(description="When the last call was made.")
    outcome: str | None = Field(description="completed | no_answer; null before a call.")
    note: str | None = Field(description="The agent's note, numbers masked.")
    created_at: LocalDateTime = Field(description="When it was queued.")
    closed_at: LocalDateTime | None = Field(description="When it was closed.")


class PhoneItemList(PageFields):
    """A page of the phone queue (cursor paging)."""

    items: list[PhoneItemRead] = Field(description="The items on this page.")


class PhoneResultRequest(BaseModel):
    """The result of one call."""

    model_config = ConfigDict(extra="forbid")

    outcome: Literal["completed", "no_answer"] = Field(
        description="completed (the revisit was done by phone) | no_answer (the electronic route stays open)."
    )
    note: str | None = Field(
        default=None,
        max_length=500,
        description="The agent's note (≤ 500 characters); ID and mobile numbers are masked when shown.",
    )


class TaskDetail(BaseModel):
    """A task with everything kept for audit."""

    task: TaskRead = Field(description="The task.")
    links: list[LinkInfo] = Field(description="Links issued.")
    sessions: list[SessionAudit] = Field(description="Questionnaire sessions.")
    identity_attempts: list[IdentityAttemptRead] = Field(description="Identity checks.")
    refused_submissions: list[RefusedSubmissionRead] = Field(description="Too-fast submissions.")
    phone_items: list[PhoneItemRead] = Field(description="Phone queue items.")
