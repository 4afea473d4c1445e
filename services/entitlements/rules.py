"""Entitlements pure domain rules (SPEC 3.1): plain values in, decisions out, no I/O.

- Periods: ``calendar_year`` is 1 Jan - 31 Dec. ``two_years`` periods are pairs of calendar years
  anchored on the catalog's ``two_year_anchor`` (2026 -> 2026-2027, 2028-2029, ...; 2024-2025 before):
  the same for every customer, so they can be computed, reconciled and explained without per-customer
  state. Unused units never carry over to the next period.
- Quota arithmetic: ``remaining = quota - used - reserved``, never below zero; ``None`` = unlimited.
- Tier changes: the grant of the current period takes the new tier's quota (an upgrade keeps the units
  already used); a service the new tier lacks gets quota 0 (no new reservations; existing reservations
  stay consumable). The event's ``to_tier`` is the effective tier (provisional ratings grant nothing).
- Ordering: a tier state with an older or equal ``sequence`` never overwrites a newer one.
- Beneficiaries and designated relatives: relation, age and count rules of the program's catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from services.entitlements.catalog import NO_TIER, Beneficiaries, Catalog, RelativesPolicy
from vipkit.dates import age_on

PeriodKind = Literal["calendar_year", "two_years"]


# --- periods --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PeriodRange:
    start: dt.date
    end: dt.date  # inclusive

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def period_of(day: dt.date, kind: PeriodKind, two_year_anchor: int = 2026) -> PeriodRange:
    """The quota period that contains ``day``."""
    if kind == "calendar_year":
        return PeriodRange(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if kind == "two_years":
        first = day.year - ((day.year - two_year_anchor) % 2)
        return PeriodRange(dt.date(first, 1, 1), dt.date(first + 1, 12, 31))
    raise ValueError(f"unknown period kind {kind!r}")


# --- quota arithmetic -----------------------------------------------------------------------------
def remaining(quota: int | None, used: int, reserved: int) -> int | None:
    """``quota - used - reserved``, never below zero; ``None`` when the quota is unlimited."""
    if quota is None:
        return None
    return max(quota - used - reserved, 0)


def can_reserve(quota: int | None, used: int, reserved: int) -> bool:
    return quota is None or quota - used - reserved > 0


def units_in_period(use_days: Iterable[dt.date], period: PeriodRange) -> int:
    """Units already used (reserved or consumed) inside ``period`` under an earlier period shape.

    When a tier change switches a service's period (cards' VIP checkup: two-yearly for platinum,
    yearly for diamond), the new period's grant starts with these units already counted.
    """
    return sum(1 for day in use_days if period.contains(day))


# --- tier state -----------------------------------------------------------------------------------
# --- the reservation state machine (SPEC 3.1) -----------------------------------------------------------
#: reserved -> consumed (completed, no-show, late cancel) | released (cancelled in time, rejected, failed).
#: The repository applies a step with a conditional UPDATE (``WHERE status = FROM``), so a step is done once.
RESERVATION_TRANSITIONS: dict[str, frozenset[str]] = {
    "reserved": frozenset({"consumed", "released"}),
    "consumed": frozenset(),
    "released": frozenset(),
}
SettleOutcome = Literal["apply", "replay", "illegal"]


def settle_outcome(current: str, target: str) -> SettleOutcome:
    """What asking a ``current`` reservation to become ``target`` does: the step, a replay of the
    same step already done (answered as before), or an illegal transition (409)."""
    steps = RESERVATION_TRANSITIONS.get(current, frozenset())
    if target in steps:
        return "apply"
    return "replay" if current == target and not steps else "illegal"


def is_newer(stored_sequence: int | None, incoming_sequence: int) -> bool:
    """Per-customer ordering: only a strictly newer sequence changes the stored tier state."""
    return stored_sequence is None or incoming_sequence > stored_sequence


def change_kind(catalog: Catalog, from_tier: str | None, to_tier: str) -> str:
    """``upgrade`` | ``downgrade`` | ``invalidated`` | ``initial`` | ``unchanged`` (for ledger reasons)."""
    if from_tier is None:
        return "initial"
    if to_tier == NO_TIER and from_tier != NO_TIER:
        return "invalidated"
    a, b = catalog.tier_rank(from_tier), catalog.tier_rank(to_tier)
    return "upgrade" if b > a else "downgrade" if b < a else "unchanged"


def entitled_since(
    previous_tier: str | None, previous_since: dt.date | None, new_tier: str, waiting_from: dt.date
) -> dt.date | None:
    """The waiting period's anchor for the customer's current uninterrupted time with a tier (SPEC 3).

    ``waiting_from`` is the event's: the earliest effective or reinstatement date of the policies that
    earn the tier (so a new customer waits 30 days from the policy's effective date, not from the end
    of its cooling-off). Getting a tier from none (first time, a new policy or a reinstatement after
    losing every policy) sets it; moving between tiers keeps it; losing the tier clears it.
    """
    if new_tier == NO_TIER:
        return None
    if previous_tier in (None, NO_TIER) or previous_since is None:
        return waiting_from
    return previous_since


def waiting_until(since: dt.date | None, waiting_days: int) -> dt.date | None:
    """First day on which services may be used (``None`` when there is no waiting period)."""
    if since is None or waiting_days <= 0:
        return None
    return since + dt.timedelta(days=waiting_days)


@dataclass(frozen=True, slots=True)
class GrantState:
    service_code: str
    period_start: dt.date
    period_end: dt.date
    quota: int | None
    used: int
    reserved: int


@dataclass(frozen=True, slots=True)
class GrantAction:
    """What a tier state means for one service's grant in the current period."""

    service_code: str
    action: Literal["create", "set_quota"]
    period: PeriodRange
    quota: int | None
    previous_quota: int | None = None


def plan_grants(catalog: Catalog, tier: str, day: dt.date, current: Mapping[str, GrantState]) -> list[GrantAction]:
    """Grant changes that make the current period follow ``tier`` (SPEC 3.1).

    ``current`` maps a service code to its grant whose period contains ``day`` (if any). Services
    the tier has get a grant with the tier's quota for the tier's period (units already used stay);
    services it lacks keep their grant with quota 0 (existing reservations stay honoured).
    """
    actions: list[GrantAction] = []
    for service in catalog.services:
        code = service.service_code
        existing = current.get(code)
        grant = service.grant_for(tier)
        if grant is not None:
            period = period_of(day, service.period_for(tier), catalog.two_year_anchor)
            if existing is None or (existing.period_start, existing.period_end) != (period.start, period.end):
                actions.append(GrantAction(code, "create", period, grant.quota))
            elif existing.quota != grant.quota:
                actions.append(GrantAction(code, "set_quota", period, grant.quota, existing.quota))
        elif existing is not None and existing.quota != 0:
            period = PeriodRange(existing.period_start, existing.period_end)
            actions.append(GrantAction(code, "set_quota", period, 0, existing.quota))
    return actions


# --- beneficiaries and relatives ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelativeFacts:
    relation: str
    birth_date: dt.date


def beneficiary_refusal(
    rules: Beneficiaries, relative: RelativeFacts | None, day: dt.date, *, own_birth_date: dt.date | None = None
) -> str | None:
    """Why this beneficiary may not use the service (``None`` = allowed).

    ``relative`` is ``None`` for the customer themself, whose age limits (cards rescue: at most 65)
    are checked against ``own_birth_date`` (carried by ``tier.changed.v1``). A customer whose birth
    date is not known yet (a state from before events carried it) is not refused for age.
    """
    if relative is None:
        if not rules.holder:
            return "the service is not for the customer themself"
        return _age_refusal(rules, own_birth_date, day) if own_birth_date is not None else None
    allowed = set(rules.relations) | ({"insured"} if rules.insured else set())
    if relative.relation not in allowed:
        return f"relation {relative.relation!r} may not use this service (allowed: {sorted(allowed) or 'none'})"
    return _age_refusal(rules, relative.birth_date, day)


def _age_refusal(rules: Beneficiaries, birth_date: dt.date, day: dt.date) -> str | None:
    age = age_on(birth_date, day)
    if rules.max_age is not None and age > rules.max_age:
        return f"beneficiary is {age}, older than the limit of {rules.max_age}"
    if rules.min_age is not None and age < rules.min_age:
        return f"beneficiary is {age}, younger than the minimum of {rules.min_age}"
    return None


#: The oldest age accepted as a relative's birth date (anything older is a typo, e.g. 1026 for 1926).
MAX_PLAUSIBLE_AGE = 120


def birth_date_problem(birth_date: dt.date, day: dt.date) -> str | None:
    """Why ``birth_date`` is not a plausible past birth date on ``day`` (``None`` = plausible)."""
    if birth_date >= day:
        return f"must be a past date (before {day.isoformat()})"
    if age_on(birth_date, day) > MAX_PLAUSIBLE_AGE:
        return f"is not plausible (older than {MAX_PLAUSIBLE_AGE} years)"
    return None


def self_as_relative_problem(customer_id: str, relative_id: str | None) -> str | None:
    """A customer is never their own relative: the customer is the beneficiary by default."""
    if relative_id is not None and relative_id == customer_id:
        return "is the customer themself; omit it for the customer, or give a designated relative's id"
    return None


@dataclass(frozen=True, slots=True)
class DesignationDecision:
    allowed: bool
    code: Literal["ok", "unchanged", "validation_error", "not_entitled", "conflict"]
    detail: str = ""


def designation_decision(
    policy: RelativesPolicy,
    *,
    tier: str,
    relation: str,
    birth_date: dt.date,
    day: dt.date,
    existing_count: int,
    existing: RelativeFacts | None,
    same_as_existing: bool,
) -> DesignationDecision:
    """May the customer designate (or change) this relative? (cards: 2 at most, fixed, < 65)."""
    if existing is not None and same_as_existing:
        return DesignationDecision(True, "unchanged")
    if existing is not None and policy.fixed_once_designated:
        return DesignationDecision(False, "conflict", "a designated relative is fixed and cannot be changed")
    if relation not in policy.relations:
        return DesignationDecision(
            False, "validation_error", f"relation: {relation!r} is not allowed (allowed: {list(policy.relations)})"
        )
    if policy.tiers is not None and tier not in policy.tiers:
        return DesignationDecision(
            False, "not_entitled", f"tier {tier!r} may not designate relatives (only {list(policy.tiers)})"
        )
    birth_problem = birth_date_problem(birth_date, day)
    if birth_problem is not None:
        return DesignationDecision(False, "validation_error", f"birth_date: {birth_problem}")
    if policy.max_age_at_designation is not None:
        age = age_on(birth_date, day)
        if age > policy.max_age_at_designation:
            return DesignationDecision(
                False,
                "validation_error",
                f"birth_date: the relative is {age}; must be at most {policy.max_age_at_designation} at designation",
            )
    if existing is None and policy.max_count is not None and existing_count >= policy.max_count:
        return DesignationDecision(False, "conflict", f"at most {policy.max_count} relatives may be designated")
    return DesignationDecision(True, "ok")
