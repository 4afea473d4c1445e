"""Tiering scoring (SPEC 2.1-2.3) on its own: dates, formula terms, eligibility reasons, held policies
and the provisional tier's date. The full rule outcomes (timing, notices) are in test_rules.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.tiering import scoring
from services.tiering.programs import NONE, load_program
from services.tiering.scoring import TopUpFact
from services.tiering.tests.facts import pol

STARS = load_program("stars")
LEVELS = load_program("levels")
CARDS = load_program("cards")
D = dt.date


LATER = D(2026, 5, 10)


def test_add_years_keeps_month_and_day_and_29_february_becomes_28() -> None:
    assert scoring.add_years(D(2026, 3, 31), 3) == D(2029, 3, 31)
    assert scoring.add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert scoring.add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert scoring.default_cooling_off_end(D(2026, 1, 10), 15) == D(2026, 1, 25)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [("lapsed", "in_force", True), ("suspended", "in_force", True), ("in_force", "in_force", False),
     ("surrendered", "in_force", False), ("lapsed", "suspended", False)],
)  # fmt: skip
def test_is_reinstatement(old: str, new: str, expected: bool) -> None:
    assert scoring.is_reinstatement(old, new) is expected


def test_waiting_counts_from_the_earliest_effective_or_reinstatement_date() -> None:
    old = pol("P1", eff=D(2020, 1, 1), reinstated_on=D(2026, 2, 1))
    new = pol("P2", eff=D(2025, 6, 1))
    assert old.in_force_from == D(2026, 2, 1)
    assert scoring.waiting_from([old, new]) == D(2025, 6, 1)
    assert scoring.waiting_from([]) is None


def test_subject_follows_the_program() -> None:
    p = pol(holder="H1", insured="I1", holder_birth=D(1970, 1, 1), insured_birth=D(1990, 1, 1))
    assert (p.subject(STARS), p.subject_mobile(STARS), p.subject_birth_date(STARS)) == (
        "H1",
        "13800138000",
        D(1970, 1, 1),
    )
    assert (p.subject(CARDS), p.subject_mobile(CARDS), p.subject_birth_date(CARDS)) == (
        "I1", "13900139000", D(1990, 1, 1))  # fmt: skip


def test_standard_premium_explains_its_terms_and_expression() -> None:
    f = scoring.standard_premium(STARS, pol(premium="12345.67", years=5), LATER)
    assert f.value == Decimal("6172.84")  # 6172.835 rounds half-up
    assert f.expression == "12,345.67 × 0.5 = 6,172.84"
    assert dict(f.terms) == {"annual_premium": "12345.67", "payment_years": "5", "coef": "min(5/10, 1) = 0.5"}


def test_wealth_top_ups_count_only_from_their_date() -> None:
    p = pol(kind="universal", top_ups=(TopUpFact("ad_hoc", Decimal("1000.00"), D(2026, 6, 1)),))
    before = scoring.standard_premium(STARS, p, D(2026, 5, 31))
    on = scoring.standard_premium(STARS, p, D(2026, 6, 1))
    assert (before.value, on.value) == (Decimal("5000.00"), Decimal("5050.00"))
    assert dict(on.terms)["top_ups"] == "1000.00"
    assert on.expression == "10,000.00 × 1 × 0.5 + 1,000.00 × 0.05 = 5,050.00"


def test_levels_formula_lists_each_top_up_kind_once_summed() -> None:
    tops = (
        TopUpFact("ad_hoc", Decimal("500.00"), D(2026, 2, 1)),
        TopUpFact("ad_hoc", Decimal("1500.00"), D(2026, 3, 1)),
        TopUpFact("initial_lump_sum", Decimal("1000.00"), D(2026, 2, 1)),
    )
    f = scoring.standard_premium(LEVELS, pol(premium="8000.00", kind="universal", top_ups=tops), LATER)
    assert f.value == Decimal("8300.00")  # 8000 × 1 + 2000 × 0.1 + 1000 × 0.1
    assert f.expression == "8,000.00 × 1 + 2,000.00 × 0.1 + 1,000.00 × 0.1 = 8,300.00"
    assert dict(f.terms)["top_up_ad_hoc"] == "2000.00"
    single = scoring.standard_premium(LEVELS, pol(premium="8000.00", mode="single"), LATER)
    assert single.value == Decimal("800.00") and dict(single.terms)["single_premium"] == "8000.00"


@pytest.mark.parametrize(
    ("program", "policy", "as_of", "reason"),
    [
        (STARS, pol(status="cancelled_in_cooling_off"), LATER, "cancelled in cooling-off (never counts)"),
        (STARS, pol(status="weird"), LATER, "weird"),
        (STARS, pol(channel="group"), LATER, "group channel policies do not count (individual business only)"),
        (STARS, pol(eff=D(2026, 6, 1)), LATER, "not yet in force (effective 2026-06-01)"),
        (LEVELS, pol(loan=True), LATER, "policy loan or pledge"),
        (LEVELS, pol(years=3, eff=D(2020, 1, 10)), D(2026, 1, 10), "past payment period + 3 years (since 2026-01-10)"),
    ],
)
def test_assess_names_why_a_policy_does_not_count(program, policy, as_of, reason) -> None:  # type: ignore[no-untyped-def]
    a = scoring.assess(program, policy, as_of)
    assert (a.counting, a.reason) == ("not_counted", reason)


def test_assess_counts_the_day_before_the_payment_period_cutoff_and_a_loan_under_stars() -> None:
    assert scoring.assess(LEVELS, pol(years=3, eff=D(2020, 1, 10)), D(2026, 1, 9)).counting == "counted"
    assert scoring.assess(STARS, pol(loan=True), LATER).counting == "counted"  # stars does not exclude loans
    prov = scoring.assess(STARS, pol(eff=D(2026, 5, 1)), LATER)
    assert (prov.counting, prov.reason) == ("provisional", "in cooling-off until 2026-05-16")


def test_rate_holds_policies_that_stop_counting_but_are_still_in_force() -> None:
    counted = pol("P1", premium="20000.00")
    loan = pol("P2", premium="5000.00", loan=True)
    lapsed = pol("P3", premium="9000.00", status="lapsed")
    r = scoring.rate(LEVELS, [counted, loan, lapsed], LATER)
    assert (r.counted, r.held, r.held_score) == (1, 2, Decimal("5000.00"))
    assert r.score == Decimal("20000.00")


def test_provisional_until_is_the_first_cooling_off_end_that_reaches_the_provisional_tier() -> None:
    base = pol("P1", premium="9000.00")
    early = pol("P2", premium="500.00", eff=D(2026, 5, 1))  # cooling-off ends 05-16
    late = pol("P3", premium="600.00", eff=D(2026, 5, 5))  # ends 05-20
    r = scoring.rate(STARS, [base, late, early], LATER)
    assert (r.tier, r.provisional_tier) == ("star_1", "star_2")
    assert r.provisional_score == Decimal("10100.00")
    assert r.provisional_until == D(2026, 5, 20)  # 9000 + 500 is not enough; only with P3 too
    same = scoring.rate(STARS, [base], LATER)
    assert (same.provisional_tier, same.provisional_until) == ("star_1", None)


def test_tier_for_without_counted_policies_is_none_and_health_gold_needs_direct_score() -> None:
    assert scoring.tier_for(STARS, []) == NONE
    assert scoring.rate(STARS, [], LATER).tier == NONE
    assert scoring.is_held(STARS, pol(eff=D(2026, 6, 1)), LATER) is False


def test_next_tier_skips_channel_tiers_and_stops_at_the_top() -> None:
    assert scoring.next_tier(STARS, "star_1", Decimal("9999.99")) == ("star_2", Decimal("0.01"))
    assert scoring.next_tier(STARS, NONE, Decimal("0")) == ("star_1", Decimal("0.01"))
    assert scoring.next_tier(STARS, "star_5", Decimal("500000")) is None
    code, _needed = scoring.next_tier(CARDS, "gold", Decimal("0")) or ("", None)
    assert code == "platinum"  # health_gold is channel-restricted
