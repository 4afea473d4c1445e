"""Revisit API models of the questionnaire (the link holder's H5 page): identity, questions, answers."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.revisit import rules
from services.revisit.schemas import LocalDateTime, LocalTimes


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=10, max_length=200)
    id_last6: str = Field(pattern=r"^[0-9]{5}[0-9Xx]$", description="Last 6 characters of the ID number")
    birth_date: dt.date


class QuestionRead(BaseModel):
    id: str
    text: str


class SessionRead(LocalTimes):
    session_id: str
    policy_no: str
    product_name: str
    intro: str
    questions: list[QuestionRead]
    min_seconds: int
    seconds_remaining: int
    shown_at: LocalDateTime
    status: str


class AnswerItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question_id: str = Field(min_length=1, max_length=10)
    answer: Literal["yes", "no"]


class SubmitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: list[AnswerItem] = Field(min_length=1, max_length=20)
    remark: str | None = Field(default=None, max_length=rules.REMARK_MAX_CHARS)

    @field_validator("answers")
    @classmethod
    def _unique(cls, value: list[AnswerItem]) -> list[AnswerItem]:
        ids = [a.question_id for a in value]
        if len(ids) != len(set(ids)):
            raise ValueError("each question may be answered once")
        return value


class SubmitRead(LocalTimes):
    session_id: str
    status: str
    outcome: str | None
    task_status: str
    already_submitted: bool
    message: str
    submitted_at: LocalDateTime | None
