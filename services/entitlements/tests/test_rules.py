"""Pure rules of SPEC 3.1 (periods, quota arithmetic, tier changes, beneficiaries, relatives)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from services.entitlements import rules
from services.entitlements.catalog import load_catalog
from services.entitlements.rules import GrantState, PeriodRange

D = dt.date


@pytest.mark.parametrize(
    ("day", "kind", "start", "end"),
    [
        (D(2026, 5, 9), "calendar_year", D(2026, 1, 1), D(2026, 12, 31)),
        (D(2026, 12, 31), "calendar_year", D(2026, 1, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), "calendar_year", D(2027, 1, 1), D(2027, 12, 31)),
        (D(2026, 1, 1), "two_years", D(2026, 1, 1), D(2027, 12, 31)),
        (D(2027, 12, 31), "two_years", D(2026, 1, 1), D(2027, 12, 31)),
        (D(2028, 1, 1), "two_years", D(2028, 1, 1), D(2029, 12, 31)),
        (D(2025, 6, 30), "two_years", D(2024, 1, 1), D(2025, 12, 31)),
    ],
)
def test_period_of_calendar_year_and_two_years_anchored_on_2026(day, kind, start, end):
    assert rules.period_of(day, kind, 2026) == PeriodRange(start, end)


@pytest.mark.parametrize(
    ("quota", "used", "reserved", "expected"),
    [(2, 0, 0, 2), (2, 1, 0, 1), (2, 1, 1, 0), (1, 1, 1, 0), (1, 3, 0, 0), (0, 1, 0, 0), (None, 5, 2, None)],
)
def test_remaining_is_quota_minus_used_minus_reserved_never_below_zero(quota, used, reserved, expected):
    assert rules.remaining(quota, used, reserved) == expected
    assert rules.can_reserve(quota, used, reserved) == (expected is None or expected > 0)


def test_units_used_earlier_in_a_period_count_in_the_new_period_shape():
    days = [D(2026, 3, 1), D(2027, 2, 1)]
    assert rules.units_in_period(days, PeriodRange(D(2026, 1, 1), D(2026, 12, 31))) == 1
    assert rules.units_in_period(days, PeriodRange(D(2027, 1, 1), D(2027, 12, 31))) == 1
    assert rules.units_in_period(days, PeriodRange(D(2028, 1, 1), D(2029, 12, 31))) == 0


@pytest.mark.parametrize(("stored", "incoming", "newer"), [(None, 1, True), (1, 2, True), (2, 2, False), (3, 2, False)])
def test_an_older_sequence_never_overwrites_a_newer_state(stored, incoming, newer):
    assert rules.is_newer(stored, incoming) is newer


def test_upgrade_mid_period_keeps_used_units_and_applies_the_new_quota():
    stars = load_catalog("stars")
    day = D(2026, 6, 1)
    current = {"child_courses": GrantState("child_courses", D(2026, 1, 1), D(2026, 12, 31), 2, 1, 0)}
    actions = {a.service_code: a for a in rules.plan_grants(stars, "star_3", day, current)}
    courses = actions["child_courses"]
    assert (courses.action, courses.quota, courses.previous_quota) == ("set_quota", 4, 2)
    # the grant keeps used=1: remaining under the new quota is 4 - 1
    assert rules.remaining(courses.quota, 1, 0) == 3
    # services new at star_3 are created for the current period
    assert actions["registration_phone"].action == "create"
    assert actions["second_opinion_domestic"].quota == 2


def test_downgrade_stops_new_reservations_by_quota_zero_and_keeps_the_grant():
    levels = load_catalog("levels")
    day = D(2026, 7, 1)
    current = {
        "health_checkup": GrantState("health_checkup", D(2026, 1, 1), D(2026, 12, 31), 1, 0, 1),
        "dental_cleaning": GrantState("dental_cleaning", D(2026, 1, 1), D(2026, 12, 31), 1, 1, 0),
    }
    actions = {a.service_code: a for a in rules.plan_grants(levels, "gold", day, current)}
    assert actions["health_checkup"].action == "set_quota" and actions["health_checkup"].quota == 0
    assert "dental_cleaning" not in actions  # gold keeps dental with the same quota


def test_invalid_tier_none_grants_nothing_and_closes_existing_grants():
    cards = load_catalog("cards")
    day = D(2026, 7, 1)
    assert rules.plan_grants(cards, "none", day, {}) == []
    current = {"domestic_rescue": GrantState("domestic_rescue", D(2026, 1, 1), D(2026, 12, 31), None, 0, 0)}
    (action,) = rules.plan_grants(cards, "none", day, current)
    assert (action.service_code, action.quota, action.previous_quota) == ("domestic_rescue", 0, None)


def test_cards_diamond_checkup_is_yearly_other_cards_every_two_years():
    cards = load_catalog("cards")
    day = D(2027, 3, 1)
    platinum = {a.service_code: a for a in rules.plan_grants(cards, "platinum", day, {})}
    diamond = {a.service_code: a for a in rules.plan_grants(cards, "diamond", day, {})}
    assert platinum["vip_checkup"].period == PeriodRange(D(2026, 1, 1), D(2027, 12, 31))
    assert diamond["vip_checkup"].period == PeriodRange(D(2027, 1, 1), D(2027, 12, 31))
    existing = {"vip_checkup": GrantState("vip_checkup", D(2026, 1, 1), D(2027, 12, 31), 1, 1, 0)}
    (change,) = [a for a in rules.plan_grants(cards, "diamond", day, existing) if a.service_code == "vip_checkup"]
    assert change.action == "create"  # a new yearly grant; used units of 2027 are carried into it


def test_change_kind():
    stars = load_catalog("stars")
    assert rules.change_kind(stars, None, "star_1") == "initial"
    assert rules.change_kind(stars, "star_1", "star_3") == "upgrade"
    assert rules.change_kind(stars, "star_3", "star_2") == "downgrade"
    assert rules.change_kind(stars, "star_3", "none") == "invalidated"


def test_cards_waiting_period_30_days_from_getting_a_card_kept_across_card_changes():
    since = rules.entitled_since(None, None, "silver", D(2026, 3, 1))
    assert since == D(2026, 3, 1)
    assert rules.waiting_until(since, 30) == D(2026, 3, 31)
    # an upgrade keeps the start; losing the card clears it; reinstatement starts again
    assert rules.entitled_since("silver", since, "gold", D(2026, 6, 1)) == D(2026, 3, 1)
    assert rules.entitled_since("gold", since, "none", D(2026, 8, 1)) is None
    assert rules.entitled_since("none", None, "silver", D(2026, 9, 1)) == D(2026, 9, 1)
    assert rules.waiting_until(since, 0) is None


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [(D(1961, 7, 1), D(2026, 6, 30), 64), (D(1961, 7, 1), D(2026, 7, 1), 65), (D(2008, 2, 29), D(2026, 2, 28), 17)],
)
def test_age_in_whole_years(birth, day, age):
    assert rules.age_on(birth, day) == age


def test_beneficiaries_relations_and_age_limits():
    stars, levels, cards = load_catalog("stars"), load_catalog("levels"), load_catalog("cards")
    day = D(2026, 6, 1)
    so = stars.service("second_opinion_domestic").beneficiaries_for("star_2")  # type: ignore[union-attr]
    assert rules.beneficiary_refusal(so, None, day) is None
    assert rules.beneficiary_refusal(so, rules.RelativeFacts("spouse_parent", D(1950, 1, 1)), day) is None
    assert rules.beneficiary_refusal(so, rules.RelativeFacts("insured", D(1990, 1, 1)), day) is None
    dental = levels.service("dental_cleaning").beneficiaries_for("gold")  # type: ignore[union-attr]
    assert rules.beneficiary_refusal(dental, rules.RelativeFacts("spouse_parent", D(1950, 1, 1)), day)
    assert rules.beneficiary_refusal(dental, rules.RelativeFacts("parent", D(1950, 1, 1)), day) is None
    referral = stars.service("registration_referral").beneficiaries_for("star_5")  # type: ignore[union-attr]
    assert rules.beneficiary_refusal(referral, rules.RelativeFacts("spouse", D(1990, 1, 1)), day)
    child_dental = stars.service("child_dental_discount").beneficiaries_for("star_1")  # type: ignore[union-attr]
    assert rules.beneficiary_refusal(child_dental, None, day)  # for the children only
    assert rules.beneficiary_refusal(child_dental, rules.RelativeFacts("child", D(2008, 6, 1)), day) is None  # 18
    assert rules.beneficiary_refusal(child_dental, rules.RelativeFacts("child", D(2007, 5, 31)), day)  # 19
    rescue = cards.service("domestic_rescue")
    assert rescue is not None
    assert rules.beneficiary_refusal(
        rescue.beneficiaries_for("gold"), rules.RelativeFacts("spouse", D(1980, 1, 1)), day
    )
    plat = rescue.beneficiaries_for("platinum")
    assert rules.beneficiary_refusal(plat, rules.RelativeFacts("spouse", D(1961, 6, 1)), day) is None  # 65
    assert rules.beneficiary_refusal(plat, rules.RelativeFacts("spouse", D(1960, 5, 31)), day)  # 66: rescue <= 65


def _designate(policy, **kw):
    base: dict[str, Any] = {
        "tier": "platinum",
        "relation": "spouse",
        "birth_date": D(1970, 1, 1),
        "day": D(2026, 6, 1),
        "existing_count": 0,
        "existing": None,
        "same_as_existing": False,
    }
    base.update(kw)
    return rules.designation_decision(policy, **base)


def test_cards_at_most_two_relatives_under_65_at_designation_fixed_once_designated():
    policy = load_catalog("cards").relatives
    assert _designate(policy).code == "ok"
    assert _designate(policy, existing_count=2).code == "conflict"
    assert _designate(policy, birth_date=D(1961, 6, 2)).code == "ok"  # 64
    assert _designate(policy, birth_date=D(1961, 6, 1)).code == "validation_error"  # 65
    assert _designate(policy, tier="gold").code == "not_entitled"
    existing = rules.RelativeFacts("spouse", D(1970, 1, 1))
    assert _designate(policy, existing=existing, existing_count=2, same_as_existing=True).code == "unchanged"
    assert _designate(policy, existing=existing, relation="parent").code == "conflict"
    assert _designate(policy, relation="spouse_parent").code == "validation_error"


def test_levels_direct_relatives_any_number_and_changeable():
    policy = load_catalog("levels").relatives
    assert _designate(policy, tier="gold", existing_count=5).code == "ok"
    existing = rules.RelativeFacts("spouse", D(1970, 1, 1))
    assert _designate(policy, tier="gold", existing=existing, relation="child", birth_date=D(2000, 1, 1)).code == "ok"
    assert _designate(policy, relation="spouse_parent").code == "validation_error"
    assert _designate(policy, birth_date=D(2030, 1, 1)).code == "validation_error"


def test_cards_waiting_period_counts_from_the_policy_effective_or_reinstatement_date():
    # SPEC 3 (002): 30 days after the policy takes effect or is reinstated, not after the card starts.
    # A new customer's policy takes effect 2026-05-09; the card starts at the end of cooling-off
    # (2026-05-24), but the waiting period counts from 05-09: services from 06-08 (not 06-23).
    since = rules.entitled_since(None, None, "silver", D(2026, 5, 9))
    assert rules.waiting_until(since, 30) == D(2026, 6, 8)
    # a new policy that raises the card does not restart it
    assert rules.entitled_since("silver", since, "gold", D(2026, 7, 1)) == D(2026, 5, 9)
    # the card lost when the policy lapsed; reinstated on 2026-09-10: it restarts from the reinstatement
    assert rules.entitled_since("gold", since, "none", D(2026, 8, 1)) is None
    assert rules.waiting_until(rules.entitled_since("none", None, "gold", D(2026, 9, 10)), 30) == D(2026, 10, 10)


def test_cards_rescue_age_at_most_65_applies_to_the_insured_too():
    rescue = load_catalog("cards").service("domestic_rescue")
    assert rescue is not None
    silver = rescue.beneficiaries_for("silver")
    day = D(2026, 6, 1)
    assert rules.beneficiary_refusal(silver, None, day, own_birth_date=D(1961, 6, 1)) is None  # 65
    refusal = rules.beneficiary_refusal(silver, None, day, own_birth_date=D(1960, 5, 31))  # 66
    assert refusal is not None and "65" in refusal
    assert rules.beneficiary_refusal(silver, None, day) is None  # birth date not known yet: not refused


@pytest.mark.parametrize(
    ("birth", "problem"),
    [
        (D(1980, 1, 1), None),
        (D(2026, 5, 31), None),
        (D(2026, 6, 1), "past date"),  # today
        (D(2030, 1, 1), "past date"),
        (D(1905, 6, 2), None),  # 120
        (D(1905, 6, 1), "plausible"),  # 121
        (D(1026, 1, 1), "plausible"),  # a typo for 1926
    ],
)
def test_relative_birth_date_must_be_a_plausible_past_date(birth, problem):
    found = rules.birth_date_problem(birth, D(2026, 6, 1))
    assert (found is None) if problem is None else (found is not None and problem in found)
    decision = _designate(load_catalog("levels").relatives, tier="gold", relation="parent", birth_date=birth)
    assert decision.code == ("ok" if problem is None else "validation_error")


def test_customer_is_never_their_own_relative():
    assert rules.self_as_relative_problem("C1", "C1") is not None
    assert rules.self_as_relative_problem("C1", "R1") is None
    assert rules.self_as_relative_problem("C1", None) is None


@pytest.mark.parametrize(
    ("current", "target", "outcome"),
    [
        ("reserved", "consumed", "apply"),
        ("reserved", "released", "apply"),
        ("consumed", "consumed", "replay"),  # a retried consume answers as before
        ("released", "released", "replay"),
        ("consumed", "released", "illegal"),
        ("released", "consumed", "illegal"),
        ("reserved", "reserved", "illegal"),
    ],
)
def test_reservation_state_machine_reserved_to_consumed_or_released_once(
    current: str, target: str, outcome: str
) -> None:
    assert rules.settle_outcome(current, target) == outcome
    assert set(rules.RESERVATION_TRANSITIONS) == {"reserved", "consumed", "released"}
