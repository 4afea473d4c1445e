"""Tiering scoring (SPEC 2.1-2.3): which policies count, their standard premium, the score and the
tier it reaches. Pure: plain values in, decisions out. The decisions the spec leaves open are listed
in ``rules``' docstring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from services.tiering.programs import NONE, PremiumContributionFormula, Program, StandardPremiumFormula

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

Counting = Literal["counted", "provisional", "not_counted"]


# --- policy facts ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TopUpFact:
    kind: str
    amount: Decimal
    date: dt.date


@dataclass(frozen=True, slots=True)
class PolicyFacts:
    """What the rules need of one policy (built from the stored policy or the document)."""

    policy_no: str
    holder_id: str
    insured_id: str | None
    product_kind: str
    channel: str
    payment_mode: str
    annual_premium: Decimal
    payment_years: int
    status: str
    effective_date: dt.date
    cooling_off_end: dt.date
    loan_or_pledge: bool = False
    top_ups: tuple[TopUpFact, ...] = ()
    holder_mobile: str | None = None
    insured_mobile: str | None = None
    underwritten_at: dt.datetime | None = None
    holder_birth_date: dt.date | None = None
    insured_birth_date: dt.date | None = None
    reinstated_on: dt.date | None = None

    def subject(self, program: Program) -> str | None:
        return self.holder_id if program.subject == "holder" else self.insured_id

    def subject_mobile(self, program: Program) -> str | None:
        return self.holder_mobile if program.subject == "holder" else self.insured_mobile

    def subject_birth_date(self, program: Program) -> dt.date | None:
        return self.holder_birth_date if program.subject == "holder" else self.insured_birth_date

    @property
    def in_force_from(self) -> dt.date:
        """The date this policy's current time in force began: its reinstatement, else its effective date."""
        return self.reinstated_on or self.effective_date


#: Statuses from which a policy can come back in force (复效): a reinstatement.
REINSTATABLE_STATUSES = frozenset({"lapsed", "suspended"})


def is_reinstatement(old_status: str, new_status: str) -> bool:
    """A lapsed or suspended policy back ``in_force`` is reinstated (a waiting period restarts)."""
    return old_status in REINSTATABLE_STATUSES and new_status == "in_force"


def waiting_from(counted: Iterable[PolicyFacts]) -> dt.date | None:
    """Where a waiting period counts from: the earliest effective or reinstatement date of ``counted``."""
    return min((p.in_force_from for p in counted), default=None)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month/day ``years`` later (29 Feb -> 28 Feb)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def default_cooling_off_end(effective_date: dt.date, days: int) -> dt.date:
    return effective_date + dt.timedelta(days=days)


# --- standard premium --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Formula:
    value: Decimal
    expression: str
    terms: tuple[tuple[str, str], ...]


def q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    return f"{value:,.2f}"


def standard_premium(program: Program, policy: PolicyFacts, as_of: dt.date) -> Formula:
    """The policy's standard premium under the program's formula, with the terms used (explain)."""
    top_ups = [t for t in policy.top_ups if t.date <= as_of]
    f = program.formula
    if isinstance(f, StandardPremiumFormula):
        years = f.single_premium_payment_years if policy.payment_mode == "single" else policy.payment_years
        coef = min(Decimal(years) / Decimal(f.coef_divisor_years), Decimal(1))
        base = policy.annual_premium * coef
        terms: list[tuple[str, str]] = [
            ("annual_premium", str(policy.annual_premium)),
            ("payment_years", str(years)),
            ("coef", f"min({years}/{f.coef_divisor_years}, 1) = {coef.normalize():f}"),
        ]
        if policy.product_kind in f.wealth_product_kinds:
            top_up_sum = sum((t.amount for t in top_ups), ZERO)
            value = q(base * f.wealth_premium_factor + top_up_sum * f.wealth_top_up_factor)
            terms += [
                ("wealth_premium_factor", str(f.wealth_premium_factor)),
                ("top_ups", str(top_up_sum)),
                ("wealth_top_up_factor", str(f.wealth_top_up_factor)),
            ]
            expression = (
                f"{fmt(policy.annual_premium)} × {coef.normalize():f} × {f.wealth_premium_factor.normalize():f}"
                f" + {fmt(top_up_sum)} × {f.wealth_top_up_factor.normalize():f} = {fmt(value)}"
            )
        else:
            value = q(base)
            expression = f"{fmt(policy.annual_premium)} × {coef.normalize():f} = {fmt(value)}"
        return Formula(value, expression, tuple(terms))
    assert isinstance(f, PremiumContributionFormula)
    factor = f.single_premium_factor if policy.payment_mode == "single" else f.regular_premium_factor
    label = "single_premium" if policy.payment_mode == "single" else "regular_annual_premium"
    parts = [f"{fmt(policy.annual_premium)} × {factor.normalize():f}"]
    total = policy.annual_premium * factor
    terms = [(label, str(policy.annual_premium)), (f"{label}_factor", str(factor))]
    by_kind: dict[str, Decimal] = {}
    for t in top_ups:
        by_kind[t.kind] = by_kind.get(t.kind, ZERO) + t.amount
    for kind, amount in sorted(by_kind.items()):
        kind_factor = f.top_up_factors.get(kind, ZERO)  # type: ignore[call-overload]
        total += amount * kind_factor
        parts.append(f"{fmt(amount)} × {kind_factor.normalize():f}")
        terms += [(f"top_up_{kind}", str(amount)), (f"top_up_{kind}_factor", str(kind_factor))]
    value = q(total)
    return Formula(value, " + ".join(parts) + f" = {fmt(value)}", tuple(terms))


# --- eligibility -------------------------------------------------------------------------------
STATUS_REASONS = {
    "lapsed": "lapsed",
    "surrendered": "surrendered",
    "terminated": "terminated",
    "matured": "matured",
    "suspended": "suspended",
    "cancelled_in_cooling_off": "cancelled in cooling-off (never counts)",
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """One policy as the program sees it on a date (explain shows exactly this)."""

    policy: PolicyFacts
    counting: Counting
    formula: Formula
    reason: str | None

    @property
    def standard_premium(self) -> Decimal:
        return self.formula.value


def assess(program: Program, policy: PolicyFacts, as_of: dt.date) -> Assessment:
    formula = standard_premium(program, policy, as_of)
    e = program.eligibility

    def no(reason: str) -> Assessment:
        return Assessment(policy, "not_counted", formula, reason)

    if policy.status not in e.statuses:
        return no(STATUS_REASONS.get(policy.status, policy.status))
    if policy.channel not in e.channels:
        return no(f"{policy.channel} channel policies do not count (individual business only)")
    if as_of < policy.effective_date:
        return no(f"not yet in force (effective {policy.effective_date.isoformat()})")
    if e.exclude_loan_or_pledge and policy.loan_or_pledge:
        return no("policy loan or pledge")
    if e.max_years_after_payment_period is not None:
        years = 1 if policy.payment_mode == "single" else policy.payment_years
        cutoff = add_years(policy.effective_date, years + e.max_years_after_payment_period)
        if as_of >= cutoff:
            return no(f"past payment period + {e.max_years_after_payment_period} years (since {cutoff.isoformat()})")
    if as_of < policy.cooling_off_end and e.cooling_off == "provisional":
        return Assessment(policy, "provisional", formula, f"in cooling-off until {policy.cooling_off_end.isoformat()}")
    return Assessment(policy, "counted", formula, None)


# --- score -> tier -----------------------------------------------------------------------------
def tier_for(program: Program, counted: Sequence[Assessment]) -> str:
    """The highest tier whose bound the counted policies reach (``none`` without a counted policy)."""
    if not counted:
        return NONE
    total = sum((a.standard_premium for a in counted), ZERO)
    best = NONE
    for tier in program.tiers:
        if tier.channels is None:
            score = total
        else:
            score = sum((a.standard_premium for a in counted if a.policy.channel in tier.channels), ZERO)
        if score >= tier.min_score:
            best = tier.code
    return best


@dataclass(frozen=True, slots=True)
class Rating:
    score: Decimal
    tier: str
    counted: int
    provisional_score: Decimal
    provisional_tier: str
    provisional_until: dt.date | None
    assessments: tuple[Assessment, ...]
    #: the subject's policies still in force (status and channel eligible, effective), counted or not:
    #: one that merely stops counting (loan or pledge, payment period + 3 years, cooling-off) is held
    held: int = 0
    #: the standard premiums of the held policies that do not count (what they would add if they did)
    held_score: Decimal = ZERO


def rate(program: Program, policies: Iterable[PolicyFacts], as_of: dt.date) -> Rating:
    assessments = tuple(assess(program, p, as_of) for p in policies)
    formal = [a for a in assessments if a.counting == "counted"]
    cooling = sorted((a for a in assessments if a.counting == "provisional"), key=lambda a: a.policy.cooling_off_end)
    tier = tier_for(program, formal)
    with_cooling = formal + cooling
    prov_tier = tier_for(program, with_cooling)
    until: dt.date | None = None
    rank = program.rank
    if rank[prov_tier] > rank[tier]:
        for end in sorted({a.policy.cooling_off_end for a in cooling}):
            included = formal + [a for a in cooling if a.policy.cooling_off_end <= end]
            if rank[tier_for(program, included)] >= rank[prov_tier]:
                until = end
                break
    return Rating(
        score=sum((a.standard_premium for a in formal), ZERO),
        tier=tier,
        counted=len(formal),
        provisional_score=sum((a.standard_premium for a in with_cooling), ZERO),
        provisional_tier=prov_tier,
        provisional_until=until,
        assessments=assessments,
        held=sum(1 for a in assessments if is_held(program, a.policy, as_of)),
        held_score=sum(
            (a.standard_premium for a in assessments if a.counting != "counted" and is_held(program, a.policy, as_of)),
            ZERO,
        ),
    )


def is_held(program: Program, policy: PolicyFacts, as_of: dt.date) -> bool:
    """The policy is in force for the subject on ``as_of``, whether or not it counts toward the score."""
    e = program.eligibility
    return policy.status in e.statuses and policy.channel in e.channels and as_of >= policy.effective_date


def next_tier(program: Program, tier: str, score: Decimal) -> tuple[str, Decimal] | None:
    """The next tier above ``tier`` reachable by total score, and the standard premium still needed."""
    rank = program.rank[tier]
    for t in program.tiers[rank:]:
        if t.channels is not None:
            continue  # channel-restricted tiers (health-gold) are not a general target
        return t.code, max(t.min_score - score, CENT)
    return None
