"""Tiering pure domain rules: plain values in, decisions out, no I/O (SPEC 2).

Decisions taken where the spec is silent (binding for the service and its tests):

- **Score shown** (`score`) is the *formal* score: counted policies outside their cooling-off period.
  Policies inside it count only toward the *provisional* score/tier (all three programs; ``levels``
  excludes them from the score exactly so). ``provisional_until`` is the first cooling-off end date
  at which the provisional tier becomes formal.
- **Standard premium** of each policy is rounded to 0.01 CNY (half-up) before summing. Top-ups count
  from their date on. A single-premium policy has 1 payment year whatever ``payment_years`` says.
- **Payment period + 3 years** (``levels``): the payment period ends ``payment_years`` years after the
  effective date (single premium: 1 year); the policy stops counting on the day 3 years after that.
- **Cooling-off**: a policy is in cooling-off from its effective date until the day before its
  cooling-off end date; on the end date (犹豫期满日) it counts formally.
- **``since``** is the date the current effective tier took effect (for ``none`` after an
  invalidation: the date it became invalid; ``None`` for a customer who never had a tier).
- **Status**: ``invalid`` whenever the effective tier is ``none`` and no provisional tier is shown
  (also a ``cards`` insured whose AFYP is below the silver bound); ``provisional`` for ``none`` with a
  provisional tier; otherwise ``grace`` while a downgrade is pending, else ``provisional`` when a
  provisional tier is shown, else ``confirmed``.
- **``stars`` grace**: entered only on a review date (pre-downgrade notice, tier kept, pending
  ``{to, at: next review date}``; ``to`` follows the score while in grace). While already in grace a
  review date before ``at`` cannot occur (``at`` is the next one); on/after ``at`` the customer is
  downgraded to the tier the score then gives, with no second grace. If the score recovers to the
  current tier during grace, grace is cleared at once (customer-friendly; no tier change, no event);
  a later drop re-enters grace only at a review date. A rise above the current tier is an upgrade.
- **``levels`` next-day drop**: when no counted policy is left the customer gets a one-day ``grace``
  with ``pending_downgrade {to: none, at: tomorrow}``; the first evaluation on/after that date
  invalidates (a counted policy back in between cancels it). Ordinary downgrades happen only on
  30 Jun / 31 Dec, straight to the level the score gives (no notice ahead, a downgrade SMS after).
- **``cards`` health-gold** (都会健康金卡): reached when the AFYP of the counted *direct-channel* policies
  alone is ≥ 20,000 (tier ``channels`` filter); it ranks above gold and below platinum, so adding a
  policy never lowers the card.
- **Reasons**: ``initial`` for a customer's first tier ever, ``restored`` for a tier after ``none``
  when the customer had one before, ``upgrade``/``downgrade`` between tiers, ``invalidated`` to ``none``.
- **Identity**: a ``resident_id`` number must be 18 characters, its birth date part a real date and
  its check digit right (GB 11643-1999, ISO 7064 MOD 11-2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from contracts.policy import PolicyDocument, gb11643_check_digit
from services.tiering.programs import NONE, PremiumContributionFormula, Program, StandardPremiumFormula

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

Status = Literal["confirmed", "provisional", "grace", "invalid"]
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


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _fmt(value: Decimal) -> str:
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
            value = _q(base * f.wealth_premium_factor + top_up_sum * f.wealth_top_up_factor)
            terms += [
                ("wealth_premium_factor", str(f.wealth_premium_factor)),
                ("top_ups", str(top_up_sum)),
                ("wealth_top_up_factor", str(f.wealth_top_up_factor)),
            ]
            expression = (
                f"{_fmt(policy.annual_premium)} × {coef.normalize():f} × {f.wealth_premium_factor.normalize():f}"
                f" + {_fmt(top_up_sum)} × {f.wealth_top_up_factor.normalize():f} = {_fmt(value)}"
            )
        else:
            value = _q(base)
            expression = f"{_fmt(policy.annual_premium)} × {coef.normalize():f} = {_fmt(value)}"
        return Formula(value, expression, tuple(terms))
    assert isinstance(f, PremiumContributionFormula)
    factor = f.single_premium_factor if policy.payment_mode == "single" else f.regular_premium_factor
    label = "single_premium" if policy.payment_mode == "single" else "regular_annual_premium"
    parts = [f"{_fmt(policy.annual_premium)} × {factor.normalize():f}"]
    total = policy.annual_premium * factor
    terms = [(label, str(policy.annual_premium)), (f"{label}_factor", str(factor))]
    by_kind: dict[str, Decimal] = {}
    for t in top_ups:
        by_kind[t.kind] = by_kind.get(t.kind, ZERO) + t.amount
    for kind, amount in sorted(by_kind.items()):
        kind_factor = f.top_up_factors.get(kind, ZERO)  # type: ignore[call-overload]
        total += amount * kind_factor
        parts.append(f"{_fmt(amount)} × {kind_factor.normalize():f}")
        terms += [(f"top_up_{kind}", str(amount)), (f"top_up_{kind}_factor", str(kind_factor))]
    value = _q(total)
    return Formula(value, " + ".join(parts) + f" = {_fmt(value)}", tuple(terms))


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
    )


def next_tier(program: Program, tier: str, score: Decimal) -> tuple[str, Decimal] | None:
    """The next tier above ``tier`` reachable by total score, and the standard premium still needed."""
    rank = program.rank[tier]
    for t in program.tiers[rank:]:
        if t.channels is not None:
            continue  # channel-restricted tiers (health-gold) are not a general target
        return t.code, max(t.min_score - score, CENT)
    return None


# --- tier state machine ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PendingDowngrade:
    to: str
    at: dt.date


@dataclass(frozen=True, slots=True)
class TierState:
    customer_id: str
    program: str
    tier: str = NONE
    status: Status = "invalid"
    score: Decimal = ZERO
    since: dt.date | None = None
    provisional_tier: str | None = None
    provisional_until: dt.date | None = None
    pending_downgrade: PendingDowngrade | None = None
    sequence: int = 0
    evaluated_on: dt.date | None = None


Template = Literal["tier_upgrade", "tier_pre_downgrade", "tier_downgrade", "tier_invalidated"]


@dataclass(frozen=True, slots=True)
class Notice:
    template: Template
    text: str


@dataclass(frozen=True, slots=True)
class TierEvent:
    """Something worth recording: an effective-tier change (published), a pre-downgrade, grace cleared."""

    kind: Literal["tier_changed", "pre_downgrade", "grace_cleared"]
    from_tier: str
    to_tier: str
    reason: str
    detail: str
    sequence: int | None = None
    notice: Notice | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    state: TierState
    events: list[TierEvent] = field(default_factory=list)
    rating: Rating | None = None

    @property
    def tier_changes(self) -> list[TierEvent]:
        return [e for e in self.events if e.kind == "tier_changed"]

    @property
    def notices(self) -> list[Notice]:
        return [e.notice for e in self.events if e.notice is not None]


SMS_PREFIX = "【VIP客户服务】"


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def notice_text(
    program: Program, template: Template, *, from_tier: str, to_tier: str, day: dt.date, at: dt.date | None = None
) -> str:
    """The Chinese SMS text for a tier notice."""
    old, new = program.tier_name(from_tier), program.tier_name(to_tier)
    if template == "tier_upgrade":
        return (
            f"{SMS_PREFIX}尊敬的客户，恭喜您自{_cn_date(day)}起成为{program.name}「{new}」，"
            f"可享受相应的尊享服务。详情请查询客户服务平台。"
        )
    if template == "tier_pre_downgrade":
        assert at is not None
        return (
            f"{SMS_PREFIX}尊敬的客户，经{_cn_date(day)}评定，您名下有效保单已不符合「{old}」标准。"
            f"您的现有级别将保留至{_cn_date(at)}，届时将再次评定；如仍不符合，将调整为「{new}」。"
        )
    if template == "tier_downgrade":
        return f"{SMS_PREFIX}尊敬的客户，经{_cn_date(day)}评定，您的客户级别已由「{old}」调整为「{new}」。"
    return (
        f"{SMS_PREFIX}尊敬的客户，您名下已无有效保单，自{_cn_date(day)}起您的「{old}」资格已失效。"
        f"拥有新的有效保单后，我们将为您重新评级。"
    )


def _status(tier: str, pending: PendingDowngrade | None, provisional: str | None) -> Status:
    if tier == NONE:
        return "provisional" if provisional else "invalid"
    if pending is not None:
        return "grace"
    if provisional:
        return "provisional"
    return "confirmed"


def evaluate(
    program: Program,
    policies: Iterable[PolicyFacts],
    state: TierState,
    as_of: dt.date,
    *,
    cause: str = "",
    rating: Rating | None = None,
) -> Evaluation:
    """Rate the subject's policies on ``as_of`` and apply the program's change rules to ``state``.

    ``policies`` are the subject's policies (those whose subject is ``state.customer_id``). Returns
    the new state and the events/notices to emit. Evaluating twice on the same date with the same
    policies changes nothing the second time. ``rating``: the subject's rating on ``as_of`` computed
    set-wise (``services.tiering.bulk``: equal to ``rate`` by test); ``policies`` are then not read.
    """
    r = rating if rating is not None else rate(program, policies, as_of)
    rank = program.rank
    cur = state.tier if state.program == program.program and state.tier in rank else NONE
    pending = state.pending_downgrade
    seq = state.sequence
    events: list[TierEvent] = []
    new_tier, since = cur, state.since
    suffix = f" ({cause})" if cause else ""

    def change(to: str, reason: str, template: Template | None, detail: str) -> None:
        nonlocal new_tier, since, seq
        seq += 1
        notice = None
        if template is not None:
            notice = Notice(template, notice_text(program, template, from_tier=new_tier, to_tier=to, day=as_of))
        events.append(TierEvent("tier_changed", new_tier, to, reason, detail + suffix, seq, notice))
        new_tier, since = to, as_of

    if r.counted == 0:
        if cur == NONE:
            pending = None
        elif program.changes.no_counted_policy == "immediate" or (
            pending is not None and pending.to == NONE and as_of >= pending.at
        ):
            pending = None
            change(NONE, "invalidated", "tier_invalidated", "no counted in-force policy left")
        elif pending is None or pending.to != NONE:
            pending = PendingDowngrade(NONE, as_of + dt.timedelta(days=1))
    else:
        if pending is not None and pending.to == NONE:
            pending = None  # a counted policy is back before the next-day drop
        fr, cr = rank[r.tier], rank[cur]
        if fr > cr:
            pending = None
            reason = ("restored" if state.sequence > 0 else "initial") if cur == NONE else "upgrade"
            change(r.tier, reason, "tier_upgrade", f"score {r.score} reaches {r.tier}")
        elif fr < cr:
            mode = program.changes.downgrade
            detail = f"score {r.score} below the {cur} bound"
            if mode == "immediate" or (mode == "on_dates" and program.is_review_date(as_of)):
                pending = None
                change(r.tier, "downgrade", "tier_downgrade", detail)
            elif mode == "review_with_grace":
                if pending is not None and as_of >= pending.at:
                    pending = None
                    change(r.tier, "downgrade", "tier_downgrade", detail + f"; grace ended {as_of.isoformat()}")
                elif pending is None and program.is_review_date(as_of):
                    pending = PendingDowngrade(r.tier, program.next_review_date(as_of))
                    text = notice_text(
                        program, "tier_pre_downgrade", from_tier=cur, to_tier=r.tier, day=as_of, at=pending.at
                    )
                    events.append(
                        TierEvent(
                            "pre_downgrade",
                            cur,
                            r.tier,
                            "pre_downgrade",
                            detail + f"; tier kept until {pending.at.isoformat()}" + suffix,
                            None,
                            Notice("tier_pre_downgrade", text),
                        )
                    )
                elif pending is not None:
                    pending = replace(pending, to=r.tier)
        elif pending is not None:
            pending = None
            events.append(TierEvent("grace_cleared", cur, cur, "grace_cleared", f"score {r.score} recovered" + suffix))

    prov = r.provisional_tier if rank[r.provisional_tier] > rank[new_tier] else None
    new_state = replace(
        state,
        program=program.program,
        tier=new_tier,
        status=_status(new_tier, pending, prov),
        score=r.score,
        since=since,
        provisional_tier=prov,
        provisional_until=r.provisional_until if prov else None,
        pending_downgrade=pending,
        sequence=seq,
        evaluated_on=max(as_of, state.evaluated_on) if state.evaluated_on else as_of,
    )
    return Evaluation(new_state, events, r)


# --- policy business validation (GB 11643 etc.) -------------------------------------------------


def resident_id_problem(id_no: str) -> str | None:
    """Why ``id_no`` is not a valid resident ID number (GB 11643), or None."""
    if len(id_no) != 18 or not id_no[:17].isdigit() or not (id_no[17].isdigit() or id_no[17] in "Xx"):
        return "must be 18 characters: 17 digits and a check digit (0-9 or X)"
    try:
        dt.date(int(id_no[6:10]), int(id_no[10:12]), int(id_no[12:14]))
    except ValueError:
        return "birth date part (characters 7-14) is not a valid date"
    expected = gb11643_check_digit(id_no[:17])
    if id_no[17].upper() != expected:
        return f"check digit does not match (GB 11643: expected {expected})"
    return None


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


def policy_business_errors(doc: PolicyDocument, *, subject: str) -> list[FieldError]:
    """Business checks beyond the structural contract; each error names its field."""
    errors: list[FieldError] = []
    for role in ("holder", "insured"):
        person = getattr(doc, role)
        if person.id_type == "resident_id":
            problem = resident_id_problem(person.id_no)
            if problem:
                errors.append(FieldError(f"{role}.id_no", problem))
        if person.mobile is not None and not (
            len(person.mobile) == 11 and person.mobile.isdigit() and person.mobile[0] == "1"
        ):
            errors.append(FieldError(f"{role}.mobile", "must be an 11-digit mainland mobile number"))
    if not doc.holder.customer_id:
        errors.append(FieldError("holder.customer_id", "a policy needs the holder's customer number"))
    if subject == "insured" and not doc.insured.customer_id:
        errors.append(
            FieldError("insured.customer_id", "the active program tiers the insured: customer number required")
        )
    if doc.cooling_off_end is not None and doc.cooling_off_end < doc.effective_date:
        errors.append(FieldError("cooling_off_end", "must not be before effective_date"))
    if doc.underwritten_at.tzinfo is None:
        errors.append(FieldError("underwritten_at", "needs a UTC offset, e.g. +08:00"))
    return errors
