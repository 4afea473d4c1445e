"""Tiering tables (SQLAlchemy 2 typed mappings). Plumbing tables (outbox, inbox, job_runs) live in vipkit.

- ``policies``: one row per policy, normalized (holder/insured/product columns, top-ups in their own
  table). ``revision`` counts accepted changes; ``source_version`` is the core system's version when it
  sends one (an older version never overwrites a newer one); ``content_hash`` makes a replay a no-op.
- ``tier_states``: the current tier state per customer (SPEC 2.1) with the last published ``sequence``.
- ``tier_history``: every tier change, pre-downgrade notice and grace clearance, with its reason.
- ``tiering_runs``: one row per ``as_of`` date run (idempotent per date).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from vipkit.db import NAMING_CONVENTION, AutoId, UtcDateTime

Money = Numeric(16, 2)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Policy(Base):
    __tablename__ = "policies"

    policy_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    source_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)

    holder_customer_id: Mapped[str] = mapped_column(String(64), nullable=False)
    holder_name: Mapped[str] = mapped_column(String(100), nullable=False)
    holder_id_type: Mapped[str] = mapped_column(String(32), nullable=False)
    holder_id_no: Mapped[str] = mapped_column(String(40), nullable=False)
    holder_mobile: Mapped[str | None] = mapped_column(String(20), nullable=True)
    holder_birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)

    insured_customer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    insured_name: Mapped[str] = mapped_column(String(100), nullable=False)
    insured_id_type: Mapped[str] = mapped_column(String(32), nullable=False)
    insured_id_no: Mapped[str] = mapped_column(String(40), nullable=False)
    insured_mobile: Mapped[str | None] = mapped_column(String(20), nullable=True)
    insured_birth_date: Mapped[dt.date] = mapped_column(Date, nullable=False)

    product_code: Mapped[str] = mapped_column(String(64), nullable=False)
    product_name: Mapped[str] = mapped_column(String(200), nullable=False)
    product_kind: Mapped[str] = mapped_column(String(32), nullable=False)
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    payment_mode: Mapped[str] = mapped_column(String(16), nullable=False)
    annual_premium: Mapped[Decimal] = mapped_column(Money, nullable=False)
    payment_years: Mapped[int] = mapped_column(Integer, nullable=False)
    coverage_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    underwritten_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    effective_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    cooling_off_end: Mapped[dt.date] = mapped_column(Date, nullable=False)
    reinstated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    cooling_off_end_given: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    loan_or_pledge: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    electronic_contract: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    top_up_total: Mapped[Decimal] = mapped_column(Money, nullable=False, default=Decimal("0.00"))

    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)

    top_ups: Mapped[list[PolicyTopUp]] = relationship(
        back_populates="policy", cascade="all, delete-orphan", order_by="PolicyTopUp.id", lazy="selectin"
    )

    __table_args__ = (
        Index("ix_policies_holder_customer_id", "holder_customer_id"),
        Index("ix_policies_insured_customer_id", "insured_customer_id"),
    )


class PolicyTopUp(Base):
    __tablename__ = "policy_top_ups"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    policy_no: Mapped[str] = mapped_column(
        String(64), ForeignKey("policies.policy_no", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)

    policy: Mapped[Policy] = relationship(back_populates="top_ups")


class TierStateRow(Base):
    __tablename__ = "tier_states"

    customer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    program: Mapped[str] = mapped_column(String(16), nullable=False)
    tier: Mapped[str] = mapped_column(String(32), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    score: Mapped[Decimal] = mapped_column(Money, nullable=False)
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    provisional_tier: Mapped[str | None] = mapped_column(String(32), nullable=True)
    provisional_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    pending_to: Mapped[str | None] = mapped_column(String(32), nullable=True)
    pending_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    evaluated_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)


class TierHistory(Base):
    __tablename__ = "tier_history"

    id: Mapped[int] = mapped_column(AutoId, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(64), nullable=False)
    program: Mapped[str] = mapped_column(String(16), nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    from_tier: Mapped[str] = mapped_column(String(32), nullable=False)
    to_tier: Mapped[str] = mapped_column(String(32), nullable=False)
    reason: Mapped[str] = mapped_column(String(32), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    score: Mapped[Decimal] = mapped_column(Money, nullable=False)
    sequence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    effective_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)

    __table_args__ = (Index("ix_tier_history_customer_id_id", "customer_id", "id"),)


class TieringRun(Base):
    __tablename__ = "tiering_runs"

    as_of: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    program: Mapped[str] = mapped_column(String(16), nullable=False)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, nullable=False)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    evaluated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    changed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notices: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
