"""Revisit tables (SQLAlchemy 2 typed mappings). Plumbing tables (outbox, inbox, job_runs) live in vipkit.

- ``revisit_tasks``: one per qualifying policy (``policy_no`` unique), its schedule and status.
- ``revisit_links``: every personal link issued (SMS, WeChat, ops), stored as a SHA-256 hash only.
- ``revisit_sessions``: one questionnaire attempt: identity attempts and lock, the questions as
  shown, answers, remark, timestamps, IP and user agent (the audit record).
- ``revisit_submission_attempts``: every refused (too fast) submission with its answers, remark,
  time, IP and user agent.
- ``revisit_working_calendar``: the newest ``calendar.changed.v1`` (booking's ops-maintained
  working-day calendar; one row), from which the phone queue's office hours are computed.
- ``phone_queue_items``: call-centre work; at most one open item per task (``open_task_id`` unique,
  NULL once done).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, MetaData, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from vipkit.db import NAMING_CONVENTION, UtcDateTime


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RevisitTask(Base):
    __tablename__ = "revisit_tasks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    policy_no: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    electronic_eligible: Mapped[bool] = mapped_column(Boolean, nullable=False)
    electronic_open: Mapped[bool] = mapped_column(Boolean, nullable=False)
    phone_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    close_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)

    # the policy as the questionnaire and the SMS need it (a snapshot at task creation)
    holder_name: Mapped[str] = mapped_column(String(100), nullable=False)
    holder_id_type: Mapped[str] = mapped_column(String(30), nullable=False)
    holder_id_no: Mapped[str] = mapped_column(String(40), nullable=False)
    holder_birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    holder_mobile: Mapped[str | None] = mapped_column(String(20), nullable=True)
    insured_customer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    insured_name: Mapped[str] = mapped_column(String(100), nullable=False)
    insured_birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    product_code: Mapped[str] = mapped_column(String(64), nullable=False)
    product_name: Mapped[str] = mapped_column(String(200), nullable=False)
    product_kind: Mapped[str] = mapped_column(String(30), nullable=False)
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    payment_mode: Mapped[str] = mapped_column(String(10), nullable=False)
    payment_years: Mapped[int] = mapped_column(Integer, nullable=False)
    coverage_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    annual_premium: Mapped[Decimal] = mapped_column(Numeric(14, 2), nullable=False)
    underwritten_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    effective_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    cooling_off_end: Mapped[dt.date] = mapped_column(Date, nullable=False)
    electronic_contract: Mapped[bool] = mapped_column(Boolean, nullable=False)
    first_policy_of_holder: Mapped[bool] = mapped_column(Boolean, nullable=False)

    # the schedule
    first_sms_due_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    first_sms_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    second_sms_due_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    second_sms_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    escalation_due_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    wechat_from: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    identity_failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    identity_locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)

    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (
        Index("ix_revisit_tasks_first_sms", "status", "first_sms_due_at"),
        Index("ix_revisit_tasks_second_sms", "second_sms_at", "second_sms_due_at"),
        Index("ix_revisit_tasks_escalation", "status", "escalation_due_at"),
    )


class RevisitLink(Base):
    __tablename__ = "revisit_links"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("revisit_tasks.id"), nullable=False, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    purpose: Mapped[str] = mapped_column(String(20), nullable=False)  # first_sms | second_sms | wechat | ops
    issued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class RevisitSession(Base):
    __tablename__ = "revisit_sessions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("revisit_tasks.id"), nullable=False, index=True)
    link_id: Mapped[str | None] = mapped_column(ForeignKey("revisit_links.id"), nullable=True)
    # answering | submitted | aborted
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    identity_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    identity_verified_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
    intro: Mapped[str] = mapped_column(Text, nullable=False)
    shown_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    min_seconds: Mapped[int] = mapped_column(Integer, nullable=False)
    too_fast_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    answers: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    remark: Mapped[str | None] = mapped_column(String(200), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    aborted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    user_agent: Mapped[str | None] = mapped_column(String(500), nullable=True)
    submit_ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    submit_user_agent: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class SubmissionAttempt(Base):
    """A refused submission (answered too fast), audited like an accepted one: answers as sent,
    remark, when, from where (accepted submissions are recorded on their session)."""

    __tablename__ = "revisit_submission_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("revisit_sessions.id"), nullable=False, index=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("revisit_tasks.id"), nullable=False, index=True)
    refusal: Mapped[str] = mapped_column(String(32), nullable=False)  # answered_too_fast
    seconds_remaining: Mapped[int] = mapped_column(Integer, nullable=False)
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
    remark: Mapped[str | None] = mapped_column(String(200), nullable=True)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    user_agent: Mapped[str | None] = mapped_column(String(500), nullable=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class IdentityAttempt(Base):
    """Every identity check on a link (audit): who tried, when, from where, and whether it matched."""

    __tablename__ = "revisit_identity_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("revisit_tasks.id"), nullable=False, index=True)
    link_id: Mapped[str | None] = mapped_column(ForeignKey("revisit_links.id"), nullable=True)
    matched: Mapped[bool] = mapped_column(Boolean, nullable=False)
    locked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    user_agent: Mapped[str | None] = mapped_column(String(500), nullable=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class PhoneQueueItem(Base):
    __tablename__ = "phone_queue_items"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("revisit_tasks.id"), nullable=False, index=True)
    open_task_id: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    policy_no: Mapped[str] = mapped_column(String(64), nullable=False)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)  # open | done
    callable_from: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    office_hours: Mapped[str] = mapped_column(String(40), nullable=False)
    answers: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    remark: Mapped[str | None] = mapped_column(String(200), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(40), nullable=True)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)


class PhoneAttempt(Base):
    """Every call-centre attempt recorded on a phone-queue item."""

    __tablename__ = "phone_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("phone_queue_items.id"), nullable=False, index=True)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    staff_id: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class WorkingCalendarRow(Base):
    """The newest ``calendar.changed.v1`` received (one row, ``id = 1``)."""

    __tablename__ = "revisit_working_calendar"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
