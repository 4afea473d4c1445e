"""Revisit API models of the customer's side: the questionnaire (the link holder's H5 page: identity, questions,
answers) and the customer's open revisits (WeChat self-service)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.revisit import rules
from services.revisit.schemas import LocalDateTime, LocalTimes


class SessionCreate(BaseModel):
    """Start a questionnaire session: prove identity with the link's token (SPEC 5)."""

    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=10, max_length=200, description="The token of the SMS or WeChat link.")
    id_last6: str = Field(pattern=r"^[0-9]{5}[0-9Xx]$", description="Last 6 characters of the ID number")
    birth_date: dt.date = Field(description="The holder's date of birth.")


class QuestionRead(BaseModel):
    """One yes/no question, built from the policy (SPEC 5)."""

    id: str = Field(description="The question's id, e.g. `q3`.")
    text: str = Field(
        description="The question in Chinese, quoting the policy's figures, e.g. `是否收到（电子）保险合同？`."
    )


class SessionRead(LocalTimes):
    """An open questionnaire session: the questions and the minimum time."""

    session_id: str = Field(description="The session's id.")
    policy_no: str = Field(description="The policy number.")
    product_name: str = Field(description="The product's name in Chinese.")
    intro: str = Field(description="The introduction text in Chinese.")
    questions: list[QuestionRead] = Field(description="The questions, in order.")
    min_seconds: int = Field(description="Minimum answer time in seconds from `shown_at` (server-measured).")
    seconds_remaining: int = Field(description="Seconds until a submission is accepted.")
    shown_at: LocalDateTime = Field(
        description="When the questions were first shown. Asia/Shanghai local time with offset."
    )
    status: str = Field(description="answering | submitted | aborted")


class AnswerItem(BaseModel):
    """One answer."""

    model_config = ConfigDict(extra="forbid")

    question_id: str = Field(min_length=1, max_length=10, description="The question's id.")
    answer: Literal["yes", "no"] = Field(description="yes | no")


class SubmitRequest(BaseModel):
    """The answers; all yes and no remark → completed, else problem (SPEC 5)."""

    model_config = ConfigDict(extra="forbid")

    answers: list[AnswerItem] = Field(min_length=1, max_length=20, description="One answer per question.")
    remark: str | None = Field(
        default=None,
        max_length=rules.REMARK_MAX_CHARS,
        description="Optional remark (at most 200 characters); any remark makes it a problem case.",
    )

    @field_validator("answers")
    @classmethod
    def _unique(cls, value: list[AnswerItem]) -> list[AnswerItem]:
        ids = [a.question_id for a in value]
        if len(ids) != len(set(ids)):
            raise ValueError("each question may be answered once")
        return value


class SubmitRead(LocalTimes):
    """The outcome of a submission."""

    session_id: str = Field(description="The session's id.")
    status: str = Field(description="submitted | aborted")
    outcome: str | None = Field(description="completed | problem (问题件: goes to the phone queue); null when aborted.")
    task_status: str = Field(description="The task's status after it.")
    already_submitted: bool = Field(
        description="True when the session had been submitted before (this answer repeats it)."
    )
    message: str = Field(description="What the page shows, in Chinese.")
    submitted_at: LocalDateTime | None = Field(
        description="When it was submitted. Asia/Shanghai local time with offset."
    )


# --- customer (WeChat) -----------------------------------------------------------------------------------
class CustomerRevisitRead(LocalTimes):
    """A revisit the customer can do in WeChat."""

    task_id: str = Field(description="The task's id (ask a link for it).")
    policy_no: str = Field(description="The policy number.")
    product_name: str = Field(description="The product's name in Chinese.")
    status: str = Field(description="pending | sms_sent | problem | phone_queue | ...")
    underwritten_at: LocalDateTime = Field(
        description="When the policy was underwritten. Asia/Shanghai local time with offset."
    )
    effective_date: dt.date = Field(description="The policy's effective date.")
    available_from: LocalDateTime = Field(
        description="When WeChat self-service opens for it. Asia/Shanghai local time with offset."
    )


class CustomerRevisitList(BaseModel):
    """A customer's open revisits (a bounded list)."""

    customer_id: str = Field(description="The customer's id.")
    items: list[CustomerRevisitRead] = Field(description="The open revisits.")
