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
  downgraded to the tier the score then gives, with no second grace. The grace is decided at that
  review date (SPEC 2.2): a recovery to the current tier during grace is seen only then (grace
  cleared, no tier change), so a recovery followed by a new drop keeps the first grace and its
  notice. Only a rise above the current tier clears grace earlier (an ordinary upgrade).
- **``levels`` next-day drop**: only when the last policy *ends* (no policy in force: lapse,
  surrender, termination, maturity) the customer gets a one-day ``grace`` with
  ``pending_downgrade {to: none, at: tomorrow}``; the first evaluation on/after that date
  invalidates (a counted policy back in between cancels it). A policy still in force that merely
  stops counting (a loan or pledge, payment period + 3 years passed, only cooling-off policies left)
  lowers the level only on the next 30 Jun / 31 Dec, like any fall of the score (001 Q&A). Ordinary
  downgrades happen only on 30 Jun / 31 Dec, straight to the level the score gives (no notice
  ahead, a downgrade SMS after).
- **``cards`` health-gold** (都会健康金卡): reached when the AFYP of the counted *direct-channel* policies
  alone is ≥ 20,000 (tier ``channels`` filter); it ranks above gold and below platinum, so adding a
  policy never lowers the card.
- **Reasons**: ``initial`` for a customer's first tier ever, ``restored`` for a tier after ``none``
  when the customer had one before, ``upgrade``/``downgrade`` between tiers, ``invalidated`` for every
  change to ``none`` (also a ``cards`` AFYP below silver, whose SMS says the policies no longer
  qualify rather than "名下已无有效保单" when policies are still in force).
- **Identity**: a ``resident_id`` number must be 18 characters, its birth date part a real date and
  its check digit right (GB 11643-1999, ISO 7064 MOD 11-2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from services.tiering.programs import NONE, Program
from services.tiering.scoring import (
    CENT,
    REINSTATABLE_STATUSES,
    STATUS_REASONS,
    ZERO,
    Assessment,
    Counting,
    Formula,
    PolicyFacts,
    Rating,
    TopUpFact,
    add_years,
    assess,
    default_cooling_off_end,
    is_reinstatement,
    next_tier,
    rate,
    standard_premium,
    tier_for,
    waiting_from,
)
from services.tiering.state import (
    Evaluation,
    Notice,
    PendingDowngrade,
    Status,
    TierEvent,
    TierState,
    status_of,
)
from services.tiering.texts import SMS_PREFIX, Template, notice_text
from services.tiering.validation import FieldError, policy_business_errors, resident_id_problem

__all__ = [
    "CENT",
    "REINSTATABLE_STATUSES",
    "SMS_PREFIX",
    "STATUS_REASONS",
    "ZERO",
    "Assessment",
    "Counting",
    "Evaluation",
    "FieldError",
    "Formula",
    "Notice",
    "PendingDowngrade",
    "PolicyFacts",
    "Rating",
    "Status",
    "Template",
    "TierEvent",
    "TierState",
    "TopUpFact",
    "add_years",
    "assess",
    "default_cooling_off_end",
    "evaluate",
    "is_reinstatement",
    "next_tier",
    "notice_text",
    "policy_business_errors",
    "rate",
    "resident_id_problem",
    "standard_premium",
    "status_of",
    "tier_for",
    "waiting_from",
]


# --- one evaluation: what the change rules read, what they decide ------------------------------------
@dataclass(frozen=True, slots=True)
class Facts:
    """What every change rule reads: the program, the date, the rating and the tier held before."""

    program: Program
    as_of: dt.date
    rating: Rating
    current: str
    first_ever: bool
    cause: str = ""
    previous_score: Decimal = ZERO  # the formal score at the previous evaluation

    def detail(self, text: str) -> str:
        return f"{text} ({self.cause})" if self.cause else text


@dataclass(frozen=True, slots=True)
class Step:
    """What the change rules decided so far: the tier, since when, the pending downgrade and the
    events to emit (``sequence`` numbers the published tier changes)."""

    tier: str
    since: dt.date | None
    pending: PendingDowngrade | None
    sequence: int
    events: tuple[TierEvent, ...] = ()

    def emit(self, event: TierEvent) -> Step:
        return Step(self.tier, self.since, self.pending, self.sequence, (*self.events, event))


def change_tier(f: Facts, step: Step, to: str, reason: str, template: Template | None, detail: str) -> Step:
    """An effective-tier change on ``f.as_of`` (published with the next sequence; clears any pending).

    A change to ``none`` is always ``invalidated`` with the invalidation SMS (SPEC 6 reasons), whatever
    rule made it (cards AFYP below silver, a levels review with no counted policy).
    """
    if to == NONE:
        reason = "invalidated"
        template = "tier_invalidated" if template is not None else None
    sequence = step.sequence + 1
    notice = None
    if template is not None:
        text = notice_text(
            f.program, template, from_tier=step.tier, to_tier=to, day=f.as_of, policies_left=f.rating.held > 0
        )
        notice = Notice(template, text)
    event = TierEvent("tier_changed", step.tier, to, reason, f.detail(detail), sequence, notice)
    return Step(to, f.as_of, None, sequence, (*step.events, event))


# --- no counted policy left (SPEC 2.3 / 2.4) -------------------------------------------------------------
def invalidate(f: Facts, step: Step) -> Step:
    return change_tier(f, step, NONE, "invalidated", "tier_invalidated", "no counted in-force policy left")


def no_counted_policy_immediate(f: Facts, step: Step) -> Step:
    """stars / cards: without a counted policy the tier is gone at once."""
    return invalidate(f, step)


def no_counted_policy_next_day(f: Facts, step: Step) -> Step:
    """levels: when the last counted policy *ends* (lapse, surrender, termination, maturity) the level
    drops the next day (a one-day grace; a counted policy back in between cancels it). A policy that
    merely stops counting (a loan or pledge, the payment period + 3 years passed, only cooling-off
    policies left) changes the level only on the next 30 Jun / 31 Dec, like any other fall of the score.

    Which one happened is read from the policies: when the policies still held (in force, not
    counted) would give at least the score of the previous evaluation, nothing that counted has
    ended (it merely stopped counting); otherwise a counted policy ended (the customer's last
    counted policy ended while another held policy had stopped counting earlier: next day)."""
    next_day_drop = step.pending is not None and step.pending.to == NONE  # decided when the policy ended
    if not next_day_drop and f.rating.held > 0 and f.rating.held_score >= f.previous_score:
        return stopped_counting_on_dates(f, step)
    pending = step.pending
    if pending is not None and pending.to == NONE and f.as_of >= pending.at:
        return invalidate(f, step)
    if pending is None or pending.to != NONE:
        return replace(step, pending=PendingDowngrade(NONE, f.as_of + dt.timedelta(days=1)))
    return step


def stopped_counting_on_dates(f: Facts, step: Step) -> Step:
    """levels: policies still held but none counted: ``none`` only on a review date (001 Q&A: a policy
    loan waits for 30 Jun / 31 Dec)."""
    if not f.program.is_review_date(f.as_of):
        return step
    return invalidate(f, step)


NO_COUNTED_POLICY: dict[str, Callable[[Facts, Step], Step]] = {
    "immediate": no_counted_policy_immediate,
    "next_day": no_counted_policy_next_day,
}


def no_counted_policy(f: Facts, step: Step) -> Step:
    if f.current == NONE:
        return replace(step, pending=None)
    return NO_COUNTED_POLICY[f.program.changes.no_counted_policy](f, step)


# --- the score gives a higher tier ----------------------------------------------------------------------
def upgrade(f: Facts, step: Step) -> Step:
    """Upgrades take effect at once (SPEC 2.4), whatever the program."""
    r = f.rating
    reason = ("initial" if f.first_ever else "restored") if f.current == NONE else "upgrade"
    return change_tier(f, step, r.tier, reason, "tier_upgrade", f"score {r.score} reaches {r.tier}")


# --- the score gives a lower tier: one function per downgrade mode -------------------------------------------
def below_bound(f: Facts) -> str:
    return f"score {f.rating.score} below the {f.current} bound"


def downgrade_immediate(f: Facts, step: Step) -> Step:
    """cards: the card follows the AFYP at once."""
    return change_tier(f, step, f.rating.tier, "downgrade", "tier_downgrade", below_bound(f))


def downgrade_on_dates(f: Facts, step: Step) -> Step:
    """levels: ordinary downgrades happen only on a review date (30 Jun / 31 Dec), no notice ahead."""
    if not f.program.is_review_date(f.as_of):
        return step
    return change_tier(f, step, f.rating.tier, "downgrade", "tier_downgrade", below_bound(f))


def downgrade_review_with_grace(f: Facts, step: Step) -> Step:
    """stars: a review date below the bound starts a grace until the next review date (pre-downgrade
    SMS); at its end the customer gets the tier the score then gives; in between ``to`` follows the score."""
    pending, tier = step.pending, f.rating.tier
    if pending is not None and f.as_of >= pending.at:
        detail = below_bound(f) + f"; grace ended {f.as_of.isoformat()}"
        return change_tier(f, step, tier, "downgrade", "tier_downgrade", detail)
    if pending is None and f.program.is_review_date(f.as_of):
        return start_grace(f, step)
    if pending is not None:
        return replace(step, pending=replace(pending, to=tier))
    return step


def start_grace(f: Facts, step: Step) -> Step:
    pending = PendingDowngrade(f.rating.tier, f.program.next_review_date(f.as_of))
    text = notice_text(
        f.program, "tier_pre_downgrade", from_tier=f.current, to_tier=pending.to, day=f.as_of, at=pending.at
    )
    detail = f.detail(below_bound(f) + f"; tier kept until {pending.at.isoformat()}")
    event = TierEvent(
        "pre_downgrade", f.current, pending.to, "pre_downgrade", detail, None, Notice("tier_pre_downgrade", text)
    )
    return replace(step, pending=pending).emit(event)


DOWNGRADE_MODES: dict[str, Callable[[Facts, Step], Step]] = {
    "immediate": downgrade_immediate,
    "on_dates": downgrade_on_dates,
    "review_with_grace": downgrade_review_with_grace,
}


# --- the score gives the same tier ---------------------------------------------------------------------------
def keep_tier(f: Facts, step: Step) -> Step:
    """The score gives the current tier. A stars grace is decided at its review date (SPEC 2.2: "at
    that next review date the customer is evaluated again"): a recovery during grace is seen only
    then, and clears it (no tier change); before it the grace, and its notice, stand. Only a rise
    above the current tier clears grace earlier (``upgrade``)."""
    if step.pending is None or f.as_of < step.pending.at:
        return step
    event = TierEvent(
        "grace_cleared", f.current, f.current, "grace_cleared", f.detail(f"score {f.rating.score} recovered")
    )
    return replace(step, pending=None).emit(event)


def counted_policies(f: Facts, step: Step) -> Step:
    if step.pending is not None and step.pending.to == NONE:
        step = replace(step, pending=None)  # a counted policy is back before the next-day drop
    rank = f.program.rank
    if rank[f.rating.tier] > rank[f.current]:
        return upgrade(f, step)
    if rank[f.rating.tier] < rank[f.current]:
        return DOWNGRADE_MODES[f.program.changes.downgrade](f, step)
    return keep_tier(f, step)


# --- the skeleton ------------------------------------------------------------------------------------------
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
    current = state.tier if state.program == program.program and state.tier in program.rank else NONE
    f = Facts(program, as_of, r, current, first_ever=state.sequence == 0, cause=cause, previous_score=state.score)
    start = Step(current, state.since, state.pending_downgrade, state.sequence)
    step = no_counted_policy(f, start) if r.counted == 0 else counted_policies(f, start)
    return Evaluation(next_state(program, state, step, r, as_of), list(step.events), r)


def next_state(program: Program, state: TierState, step: Step, r: Rating, as_of: dt.date) -> TierState:
    rank = program.rank
    provisional = r.provisional_tier if rank[r.provisional_tier] > rank[step.tier] else None
    return TierState(  # every field but the customer's is decided here
        state.customer_id,
        program=program.program,
        tier=step.tier,
        status=status_of(step.tier, step.pending, provisional),
        score=r.score,
        since=step.since,
        provisional_tier=provisional,
        provisional_until=r.provisional_until if provisional else None,
        pending_downgrade=step.pending,
        sequence=step.sequence,
        evaluated_on=max(as_of, state.evaluated_on) if state.evaluated_on else as_of,
    )


# --- runs ----------------------------------------------------------------------------------------
def missed_run_dates(last_finished: dt.date | None, as_of: dt.date) -> list[dt.date]:
    """Dates a run for ``as_of`` catches up first: those strictly between the last finished run and it.

    None before the first run ever (there is nothing to catch up). SPEC 7.3: missed dates are caught
    up in order, so a review date lost to downtime is never skipped.
    """
    if last_finished is None:
        return []
    return [last_finished + dt.timedelta(days=k) for k in range(1, (as_of - last_finished).days)]
