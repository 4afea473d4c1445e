"""Tiering API models (pydantic), kept apart from the tables. Money is a string with two decimals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, PlainSerializer

from contracts.policy import Person, Product, TopUp
from vipkit.pagination import PageFields

MoneyStr = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json")]

TIER_CODE = (
    "Tier code of the active program (SPEC 2): `star_1`..`star_5` (stars), `mass`..`diamond` (levels), "
    "card codes (cards); `none` = no tier."
)
CUSTOMER_ID = "The customer's id in the insurer's core system, e.g. `C1001`."
PROGRAM = "The active tier program (SPEC 2): `stars`, `levels` or `cards`."
SEQUENCE = "Per-customer change counter: grows by one with every tier change (orders `tier.changed.v1` events)."


class PersonRead(Person):
    """A person with ``id_no`` and ``mobile`` masked (SPEC 7)."""


class PolicyRead(BaseModel):
    """A policy as tiering holds it (the last accepted document), with the holder's and insured's numbers masked."""

    policy_no: str = Field(description="The policy number in the core system, e.g. `P2026091800001`.")
    revision: int = Field(description="Accepted changes of this policy in tiering (1 = created).")
    version: int | None = Field(description="The core system's version, when it sent one.")
    holder: PersonRead = Field(description="The policyholder (投保人); `id_no` and `mobile` masked.")
    insured: PersonRead = Field(description="The insured person (被保险人); `id_no` and `mobile` masked.")
    product: Product = Field(description="The insurance product.")
    channel: str = Field(description="Sales channel: agency, bancassurance, direct, broker or group.")
    payment_mode: str = Field(description="`regular` (annual premiums) or `single` (one premium).")
    annual_premium: MoneyStr = Field(description="Annualized basic premium in CNY, two decimals, e.g. `12000.00`.")
    payment_years: int = Field(description="Premium payment term in years (1 for a single premium).")
    coverage_years: int | None = Field(description="Coverage term in years; null = whole life.")
    top_ups: list[TopUp] = Field(description="Additional investments (investment-linked and universal products).")
    status: str = Field(description="Policy status: in_force, lapsed, surrendered, terminated, matured, ...")
    underwritten_at: dt.datetime = Field(description="When the policy was underwritten (承保), ISO 8601 with offset.")
    effective_date: dt.date = Field(description="The date cover starts (生效日).")
    cooling_off_end: dt.date = Field(description="Last day of the cooling-off period (犹豫期满日, SPEC 2.2).")
    loan_or_pledge: bool = Field(description="A policy loan or pledge is on it (not counted under `levels`).")
    electronic_contract: bool = Field(description="The contract was signed electronically (revisit eligibility).")
    updated_at: dt.datetime = Field(description="When tiering last accepted a change of it.")


class PendingDowngradeRead(BaseModel):
    """A downgrade announced by a pre-downgrade notice, taking effect at the next review date (SPEC 2.2)."""

    to: str = Field(description="The tier the customer will have if the score has not recovered.")
    at: dt.date = Field(description="The review date on which the downgrade is decided.")


class NextTierRead(BaseModel):
    """The next tier up and what it takes to reach it (for the app's progress bar)."""

    tier: str = Field(description=TIER_CODE)
    tier_name: str = Field(description="The tier's display name in Chinese, e.g. `四星客户`.")
    score_needed: MoneyStr = Field(description="Standard premium still needed to reach this tier.")


class TierRead(BaseModel):
    """A customer's tier state (SPEC 2.1): the effective tier, its status, score and what is pending."""

    customer_id: str = Field(description=CUSTOMER_ID)
    program: str = Field(description=PROGRAM)
    tier: str = Field(description="The effective tier; entitlements follow it. " + TIER_CODE)
    tier_name: str = Field(description="The effective tier's display name in Chinese, e.g. `三星客户`.")
    status: str = Field(description="`confirmed` | `provisional` | `grace` (pre-downgrade notice given) | `invalid`.")
    score: MoneyStr = Field(description="Sum of the counted policies' standard premiums, CNY, two decimals.")
    since: dt.date | None = Field(description="The date the effective tier was reached; null for `none`.")
    provisional_tier: str | None = Field(
        description="The tier shown while a policy is in its cooling-off period (SPEC 2.2); null when none."
    )
    provisional_tier_name: str | None = Field(default=None, description="The provisional tier's name in Chinese.")
    provisional_until: dt.date | None = Field(description="The cooling-off end date that makes it formal.")
    pending_downgrade: PendingDowngradeRead | None = Field(description="Set while in `grace`; null otherwise.")
    next_tier: NextTierRead | None = Field(description="The next tier up; null at the top tier.")
    sequence: int = Field(description=SEQUENCE)


class TierHistoryItem(BaseModel):
    """One change in a customer's tier history, with its reason (SPEC 2.1)."""

    kind: str = Field(description="tier_changed | pre_downgrade | grace_cleared")
    from_tier: str = Field(description="The tier before the change. " + TIER_CODE)
    to_tier: str = Field(description="The tier after it (a pre-downgrade notice names the announced tier).")
    reason: str = Field(description="Why: initial, upgrade, downgrade, invalidated, restored, pre_downgrade, ...")
    status: str = Field(description="The tier status after the change (confirmed, provisional, grace, invalid).")
    score: MoneyStr = Field(description="The score at the change, CNY, two decimals.")
    sequence: int | None = Field(description=SEQUENCE + " Null for entries that did not change the tier.")
    detail: str = Field(description="A short English explanation, e.g. `score 120000.00 reaches star_4`.")
    effective_at: dt.datetime = Field(description="When the change took effect, ISO 8601 with offset.")


class TierHistoryRead(PageFields):
    """A page of a customer's tier history, oldest first (cursor paging: `limit`, `cursor`, `next_cursor`)."""

    customer_id: str = Field(description=CUSTOMER_ID)
    program: str = Field(description=PROGRAM)
    items: list[TierHistoryItem] = Field(description="The changes on this page, oldest first.")


class FormulaTerm(BaseModel):
    """One named input of a standard-premium formula, e.g. `coef` = `1.00`."""

    name: str = Field(description="The term's name as the program's formula writes it, e.g. `annual_premium`.")
    value: str = Field(description="Its value as a decimal string.")


class ExplainPolicy(BaseModel):
    """How one policy counts toward the score (SPEC 2.2-2.4)."""

    policy_no: str = Field(description="The policy number.")
    product_code: str = Field(description="The product's code.")
    product_name: str = Field(description="The product's name in Chinese, e.g. `鑫享人生年金保险`.")
    product_kind: str = Field(description="traditional, participating, health, accident, investment_linked, universal.")
    channel: str = Field(description="Sales channel (cards: health-gold needs the direct channel).")
    status: str = Field(description="The policy status.")
    effective_date: dt.date = Field(description="The policy's effective date.")
    cooling_off_end: dt.date = Field(description="The last day of its cooling-off period.")
    counted: bool = Field(description="True when it counts toward the formal score on `as_of`.")
    counting: str = Field(description="counted | provisional (in cooling-off) | not_counted")
    standard_premium: MoneyStr = Field(description="Its standard premium by the program's formula, CNY.")
    formula: str = Field(description="The formula applied, e.g. `annual_premium × coef`.")
    terms: list[FormulaTerm] = Field(description="The formula's inputs with their values.")
    reason_not_counted: str | None = Field(
        description="Why it does not count (lapsed, loan or pledge, ...); null if it does."
    )


class ExplainRead(BaseModel):
    """Why a customer has their score and tier: every policy with its formula (for the VIP desk)."""

    customer_id: str = Field(description=CUSTOMER_ID)
    program: str = Field(description=PROGRAM)
    as_of: dt.date = Field(description="The date the explanation is computed for.")
    subject: str = Field(description="Whose policies count: `holder` (stars, levels) or `insured` (cards).")
    score: MoneyStr = Field(description="Formal score: the counted policies' standard premiums, CNY.")
    tier: str = Field(description="Tier the counted policies give on as_of (before downgrade timing rules).")
    provisional_score: MoneyStr = Field(description="The score including policies in their cooling-off period.")
    provisional_tier: str = Field(description="The tier the provisional score gives.")
    policies: list[ExplainPolicy] = Field(description="Every policy of the subject with how it counts.")


class TierListItem(BaseModel):
    """One customer's tier in the reconciliation walk (`GET /api/v1/tiers`)."""

    customer_id: str = Field(description=CUSTOMER_ID)
    program: str = Field(description=PROGRAM)
    tier: str = Field(description="The effective tier. " + TIER_CODE)
    status: str = Field(description="confirmed | provisional | grace | invalid")
    score: MoneyStr = Field(description="The formal score, CNY, two decimals.")
    since: dt.date | None = Field(description="The date the tier was reached; null for `none`.")
    sequence: int = Field(description=SEQUENCE)


class TierPage(PageFields):
    """A page of customers' tiers, by customer id (cursor paging)."""

    items: list[TierListItem] = Field(description="The tiers on this page, ordered by customer id.")


class RunRequest(BaseModel):
    """Run the daily tier evaluation (upgrades, review-date downgrades, cooling-off ends) for a date."""

    as_of: dt.date = Field(description="The business date to evaluate (Asia/Shanghai).")
    customer_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] | None = Field(
        default=None,
        max_length=1000,
        description=(
            "Time travel only (VIP_TEST_CLOCK=1): run the date for these customers alone, so QA scenarios "
            "running in parallel never move each other's customers. Refused (422) under the real clock."
        ),
    )


class RunRead(BaseModel):
    """The result of a daily tier run."""

    as_of: dt.date = Field(description="The business date evaluated.")
    program: str = Field(description=PROGRAM)
    replayed: bool = Field(description="True when this date had already run: nothing was done again.")
    caught_up: list[dt.date] = Field(
        default_factory=list,
        description="Dates missed since the last finished run, run first and in order (real clock only).",
    )
    skipped: int = Field(
        default=0,
        description="Time travel (test clock): customers whose own timeline is already past as_of, left alone.",
    )
    evaluated: int = Field(description="Customers evaluated.")
    changed: int = Field(description="Customers whose tier or status changed.")
    notices: int = Field(description="Notifications requested (upgrade, pre-downgrade, downgrade SMS).")
    started_at: dt.datetime = Field(description="When the run started.")
    finished_at: dt.datetime | None = Field(description="When it finished; null while it runs.")


class ImportError_(BaseModel):
    """One rejected line of a bulk policy import."""

    line: int = Field(description="The 1-based line (JSON Lines) or row (CSV) number.")
    policy_no: str | None = Field(description="The line's policy number, when it could be read.")
    field: str | None = Field(description="The offending field, dotted (e.g. `holder.id_no`); null for the whole line.")
    message: str = Field(description="What is wrong, in English.")


class ImportResult(BaseModel):
    """The outcome of a bulk policy import (an upsert by `policy_no`)."""

    received: int = Field(description="Lines read.")
    created: int = Field(description="New policies.")
    updated: int = Field(description="Policies changed.")
    unchanged: int = Field(description="Lines identical to the stored policy.")
    stale: int = Field(description="Lines older than the stored version (ignored).")
    rejected: int = Field(description="Lines refused; see `errors`.")
    errors: list[ImportError_] = Field(description="Why each rejected line was refused.")
    rerated_customers: int = Field(description="Customers whose tier was evaluated again after the import.")
