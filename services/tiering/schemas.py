"""Tiering API models (pydantic), kept apart from the tables. Money is a string with two decimals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, PlainSerializer

from contracts.policy import Person, Product, TopUp
from vipkit.pagination import PageFields

MoneyStr = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json")]


class PersonRead(Person):
    """A person with ``id_no`` and ``mobile`` masked (SPEC 7)."""


class PolicyRead(BaseModel):
    policy_no: str
    revision: int = Field(description="Accepted changes of this policy in tiering (1 = created).")
    version: int | None = Field(description="The core system's version, when it sent one.")
    holder: PersonRead
    insured: PersonRead
    product: Product
    channel: str
    payment_mode: str
    annual_premium: MoneyStr
    payment_years: int
    coverage_years: int | None
    top_ups: list[TopUp]
    status: str
    underwritten_at: dt.datetime
    effective_date: dt.date
    cooling_off_end: dt.date
    loan_or_pledge: bool
    electronic_contract: bool
    updated_at: dt.datetime


class PendingDowngradeRead(BaseModel):
    to: str
    at: dt.date


class NextTierRead(BaseModel):
    tier: str
    tier_name: str
    score_needed: MoneyStr = Field(description="Standard premium still needed to reach this tier.")


class TierRead(BaseModel):
    customer_id: str
    program: str
    tier: str
    tier_name: str
    status: str
    score: MoneyStr
    since: dt.date | None
    provisional_tier: str | None
    provisional_tier_name: str | None = None
    provisional_until: dt.date | None
    pending_downgrade: PendingDowngradeRead | None
    next_tier: NextTierRead | None
    sequence: int


class TierHistoryItem(BaseModel):
    kind: str = Field(description="tier_changed | pre_downgrade | grace_cleared")
    from_tier: str
    to_tier: str
    reason: str
    status: str
    score: MoneyStr
    sequence: int | None
    detail: str
    effective_at: dt.datetime


class TierHistoryRead(BaseModel):
    customer_id: str
    program: str
    items: list[TierHistoryItem]


class FormulaTerm(BaseModel):
    name: str
    value: str


class ExplainPolicy(BaseModel):
    policy_no: str
    product_code: str
    product_name: str
    product_kind: str
    channel: str
    status: str
    effective_date: dt.date
    cooling_off_end: dt.date
    counted: bool
    counting: str = Field(description="counted | provisional (in cooling-off) | not_counted")
    standard_premium: MoneyStr
    formula: str
    terms: list[FormulaTerm]
    reason_not_counted: str | None


class ExplainRead(BaseModel):
    customer_id: str
    program: str
    as_of: dt.date
    subject: str
    score: MoneyStr
    tier: str = Field(description="Tier the counted policies give on as_of (before downgrade timing rules).")
    provisional_score: MoneyStr
    provisional_tier: str
    policies: list[ExplainPolicy]


class TierListItem(BaseModel):
    customer_id: str
    program: str
    tier: str
    status: str
    score: MoneyStr
    since: dt.date | None
    sequence: int


class TierPage(PageFields):
    items: list[TierListItem]


class RunRequest(BaseModel):
    as_of: dt.date
    customer_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] | None = Field(
        default=None,
        max_length=1000,
        description=(
            "Time travel only (VIP_TEST_CLOCK=1): run the date for these customers alone, so QA scenarios "
            "running in parallel never move each other's customers. Refused (422) under the real clock."
        ),
    )


class RunRead(BaseModel):
    as_of: dt.date
    program: str
    replayed: bool = Field(description="True when this date had already run: nothing was done again.")
    caught_up: list[dt.date] = Field(
        default_factory=list,
        description="Dates missed since the last finished run, run first and in order (real clock only).",
    )
    skipped: int = Field(
        default=0,
        description="Time travel (test clock): customers whose own timeline is already past as_of, left alone.",
    )
    evaluated: int
    changed: int
    notices: int
    started_at: dt.datetime
    finished_at: dt.datetime | None


class ImportError_(BaseModel):
    line: int
    policy_no: str | None
    field: str | None
    message: str


class ImportResult(BaseModel):
    received: int
    created: int
    updated: int
    unchanged: int
    stale: int
    rejected: int
    errors: list[ImportError_]
    rerated_customers: int
