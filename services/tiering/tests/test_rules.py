"""Pure tier rules (SPEC 2): formulas, thresholds, timing, validation. No I/O."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.tiering import rules
from services.tiering.programs import load_program
from services.tiering.rules import PolicyFacts, TierState, TopUpFact, evaluate
from services.tiering.tests.facts import pol

STARS = load_program("stars")
LEVELS = load_program("levels")
CARDS = load_program("cards")
D = dt.date


def state(program: str = "stars", tier: str = "none", **kw: object) -> TierState:
    return TierState(customer_id="C1", program=program, tier=tier, **kw)  # type: ignore[arg-type]


LATER = D(2026, 5, 10)  # every default policy is past its cooling-off


# --- stars: standard premium (SPEC 2.2) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("premium", "years", "mode", "kind", "top_ups", "expected"),
    [
        ("3233.00", 20, "regular", "traditional", (), "3233.00"),  # SPEC body example: coef capped at 1
        ("10000.00", 5, "regular", "health", (), "5000.00"),  # coef 5/10
        ("10000.00", 10, "regular", "traditional", (), "10000.00"),  # coef exactly 1
        ("100000.00", 1, "single", "traditional", (), "10000.00"),  # single premium: coef 0.1
        ("100000.00", 20, "single", "participating", (), "10000.00"),  # single ignores payment_years
        ("10000.00", 10, "regular", "investment_linked", ((D(2026, 2, 1), "1000.00"),), "5050.00"),
        ("10000.00", 5, "regular", "universal", ((D(2026, 2, 1), "2000.00"),), "2600.00"),
        ("3333.33", 3, "regular", "traditional", (), "1000.00"),  # 999.999 rounds half-up
    ],
)
def test_stars_standard_premium_formula(
    premium: str, years: int, mode: str, kind: str, top_ups: tuple[tuple[dt.date, str], ...], expected: str
) -> None:
    p = pol(
        premium=premium,
        years=years,
        mode=mode,
        kind=kind,
        top_ups=tuple(TopUpFact("ad_hoc", Decimal(a), d) for d, a in top_ups),
    )
    assert rules.standard_premium(STARS, p, LATER).value == Decimal(expected)


def test_stars_top_up_counts_from_its_date() -> None:
    p = pol(kind="universal", top_ups=(TopUpFact("ad_hoc", Decimal("1000.00"), D(2026, 6, 1)),))
    assert rules.standard_premium(STARS, p, D(2026, 5, 31)).value == Decimal("5000.00")
    assert rules.standard_premium(STARS, p, D(2026, 6, 1)).value == Decimal("5050.00")


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        ("0.01", "star_1"),
        ("9999.99", "star_1"),
        ("10000.00", "star_2"),
        ("29999.99", "star_2"),
        ("30000.00", "star_3"),
        ("99999.99", "star_3"),
        ("100000.00", "star_4"),
        ("299999.99", "star_4"),
        ("300000.00", "star_5"),
        ("0.00", "none"),
    ],
)
def test_stars_thresholds_lower_bound_inclusive(score: str, tier: str) -> None:
    r = rules.rate(STARS, [pol(premium=score)], LATER)
    assert (r.score, r.tier) == (Decimal(score), tier)


def test_stars_group_policy_and_other_statuses_do_not_count() -> None:
    r = rules.rate(STARS, [pol("G", channel="group"), pol("L", status="lapsed"), pol("S", status="suspended")], LATER)
    assert r.counted == 0 and r.tier == "none"
    reasons = {a.policy.policy_no: a.reason for a in r.assessments}
    assert reasons["L"] == "lapsed"
    assert "group" in (reasons["G"] or "")


# --- stars: provisional at effective date, formal at cooling-off end ---------------------------------
def test_stars_new_policy_is_provisional_until_cooling_off_end_then_formal() -> None:
    p = pol(premium="12000.00", eff=D(2026, 5, 9), coe=D(2026, 5, 24))
    before = evaluate(STARS, [p], state(), D(2026, 5, 8))
    assert before.state.status == "invalid" and before.state.provisional_tier is None  # not yet effective
    on_effective = evaluate(STARS, [p], before.state, D(2026, 5, 9))
    s = on_effective.state
    assert (s.tier, s.status, s.provisional_tier, s.provisional_until) == (
        "none",
        "provisional",
        "star_2",
        D(2026, 5, 24),
    )
    assert on_effective.events == []  # entitlements follow the formal tier only
    day_before = evaluate(STARS, [p], s, D(2026, 5, 23))
    assert day_before.events == [] and day_before.state.status == "provisional"
    formal = evaluate(STARS, [p], day_before.state, D(2026, 5, 24))
    assert (formal.state.tier, formal.state.status, formal.state.since) == ("star_2", "confirmed", D(2026, 5, 24))
    [change] = formal.tier_changes
    assert (change.from_tier, change.to_tier, change.reason, change.sequence) == ("none", "star_2", "initial", 1)
    assert formal.notices[0].template == "tier_upgrade" and "二星客户" in formal.notices[0].text
    # replay of the same date changes nothing
    again = evaluate(STARS, [p], formal.state, D(2026, 5, 24))
    assert again.events == [] and again.state == formal.state


def test_stars_provisional_tier_shown_above_current_formal_tier() -> None:
    old = pol("P1", premium="12000.00", eff=D(2025, 1, 1))
    new = pol("P2", premium="20000.00", eff=D(2026, 5, 9))
    s = evaluate(STARS, [old], state(), D(2026, 5, 1)).state
    e = evaluate(STARS, [old, new], s, D(2026, 5, 9))
    assert (e.state.tier, e.state.status, e.state.provisional_tier) == ("star_2", "provisional", "star_3")
    assert e.state.provisional_until == D(2026, 5, 24)


def test_stars_policy_cancelled_in_cooling_off_never_counts() -> None:
    p = pol(premium="50000.00", eff=D(2026, 5, 9))
    s = evaluate(STARS, [p], state(), D(2026, 5, 10)).state
    assert s.provisional_tier == "star_3"
    cancelled = pol(premium="50000.00", eff=D(2026, 5, 9), status="cancelled_in_cooling_off")
    after = evaluate(STARS, [cancelled], s, D(2026, 5, 12))
    assert (after.state.tier, after.state.status, after.state.provisional_tier) == ("none", "invalid", None)
    assert evaluate(STARS, [cancelled], after.state, D(2026, 5, 30)).state.tier == "none"


# --- stars: quarterly review with pre-downgrade notice and grace --------------------------------------
def _star3_customer() -> tuple[list[PolicyFacts], TierState]:
    policies = [pol("P1", premium="20000.00", eff=D(2025, 1, 1)), pol("P2", premium="15000.00", eff=D(2025, 1, 1))]
    s = evaluate(STARS, policies, state(), D(2025, 2, 1)).state
    assert s.tier == "star_3"
    return policies, s


def test_stars_no_downgrade_on_a_non_review_date() -> None:
    policies, s = _star3_customer()
    lapsed = [policies[0], pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="lapsed")]
    e = evaluate(STARS, lapsed, s, D(2026, 3, 30))
    assert (e.state.tier, e.state.status, e.state.score, e.events) == ("star_3", "confirmed", Decimal("20000.00"), [])


def test_stars_review_date_below_bound_gives_notice_and_grace_to_next_review_then_downgrade() -> None:
    policies, s = _star3_customer()
    lapsed = [policies[0], pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="lapsed")]
    review = evaluate(STARS, lapsed, s, D(2026, 3, 31))
    assert (review.state.tier, review.state.status) == ("star_3", "grace")
    assert review.state.pending_downgrade == rules.PendingDowngrade("star_2", D(2026, 6, 30))
    assert review.tier_changes == []
    [notice] = review.notices
    assert notice.template == "tier_pre_downgrade" and "2026年6月30日" in notice.text and "三星客户" in notice.text
    assert evaluate(STARS, lapsed, review.state, D(2026, 3, 31)).events == []  # same date again: nothing
    mid = evaluate(STARS, lapsed, review.state, D(2026, 5, 15))
    assert mid.events == [] and mid.state.status == "grace"
    end = evaluate(STARS, lapsed, mid.state, D(2026, 6, 30))
    [change] = end.tier_changes
    assert (change.from_tier, change.to_tier, change.reason) == ("star_3", "star_2", "downgrade")
    assert (end.state.tier, end.state.status, end.state.pending_downgrade) == ("star_2", "confirmed", None)
    assert end.notices[0].template == "tier_downgrade"


def test_stars_grace_is_decided_at_the_next_review_date_a_recovery_clears_it_only_then() -> None:
    """SPEC 2.2: "at that next review date the customer is evaluated again"."""
    policies, s = _star3_customer()
    lapsed = [policies[0], pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="lapsed")]
    grace = evaluate(STARS, lapsed, s, D(2026, 3, 31)).state
    recovered = [*lapsed, pol("P3", premium="12000.00", eff=D(2026, 4, 1))]
    e = evaluate(STARS, recovered, grace, D(2026, 4, 16))  # back at 3★ during grace: not seen yet
    assert (e.state.tier, e.state.status, e.events) == ("star_3", "grace", [])
    assert e.state.pending_downgrade == grace.pending_downgrade
    at_review = evaluate(STARS, recovered, e.state, D(2026, 6, 30))
    assert (at_review.state.status, at_review.state.pending_downgrade) == ("confirmed", None)
    assert [ev.kind for ev in at_review.events] == ["grace_cleared"] and at_review.notices == []


def test_stars_grace_temporary_recovery_then_a_new_drop_keeps_the_first_grace_and_its_notice() -> None:
    """Issue case: a recovery during grace then a drop again: downgraded at the review date already
    announced (30 Jun), with no second pre-downgrade SMS a quarter late."""
    policies, s = _star3_customer()
    lapsed = [policies[0], pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="lapsed")]
    review = evaluate(STARS, lapsed, s, D(2026, 3, 31))
    recovered = [*lapsed, pol("P3", premium="12000.00", eff=D(2026, 4, 1))]
    up = evaluate(STARS, recovered, review.state, D(2026, 4, 16))
    dropped = [*lapsed, pol("P3", premium="12000.00", eff=D(2026, 4, 1), status="surrendered")]
    down = evaluate(STARS, dropped, up.state, D(2026, 5, 20))
    assert (down.state.status, down.events) == ("grace", [])
    end = evaluate(STARS, dropped, down.state, D(2026, 6, 30))
    assert [(c.from_tier, c.to_tier, c.reason) for c in end.tier_changes] == [("star_3", "star_2", "downgrade")]
    assert [n.template for n in [*review.notices, *up.notices, *down.notices, *end.notices]] == [
        "tier_pre_downgrade",
        "tier_downgrade",
    ]


def test_stars_rise_above_current_tier_during_grace_is_an_upgrade() -> None:
    policies, s = _star3_customer()
    lapsed = [policies[0], pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="lapsed")]
    grace = evaluate(STARS, lapsed, s, D(2026, 3, 31)).state
    big = [*lapsed, pol("P3", premium="90000.00", eff=D(2026, 4, 1))]
    e = evaluate(STARS, big, grace, D(2026, 4, 16))
    [change] = e.tier_changes
    assert (change.to_tier, change.reason, e.state.status, e.state.pending_downgrade) == (
        "star_4",
        "upgrade",
        "confirmed",
        None,
    )


def test_stars_no_counted_policy_left_is_invalid_at_once_and_a_new_policy_restores() -> None:
    _policies, s = _star3_customer()
    gone = [
        pol("P1", premium="20000.00", eff=D(2025, 1, 1), status="surrendered"),
        pol("P2", premium="15000.00", eff=D(2025, 1, 1), status="matured"),
    ]
    e = evaluate(STARS, gone, s, D(2026, 2, 11))  # not a review date: still at once
    [change] = e.tier_changes
    assert (change.to_tier, change.reason, e.state.status, e.state.since) == (
        "none",
        "invalidated",
        "invalid",
        D(2026, 2, 11),
    )
    assert e.notices[0].template == "tier_invalidated"
    new = [*gone, pol("P3", premium="5000.00", eff=D(2026, 3, 1))]
    provisional = evaluate(STARS, new, e.state, D(2026, 3, 1)).state
    assert (provisional.tier, provisional.status, provisional.provisional_tier) == ("none", "provisional", "star_1")
    restored = evaluate(STARS, new, provisional, D(2026, 3, 16))
    assert [(c.to_tier, c.reason, c.sequence) for c in restored.tier_changes] == [("star_1", "restored", 3)]


# --- levels (SPEC 2.3) --------------------------------------------------------------------------
def test_levels_premium_contribution_formula() -> None:
    top_ups = (
        TopUpFact("regular_additional", Decimal("5000.00"), D(2026, 1, 10)),
        TopUpFact("initial_lump_sum", Decimal("20000.00"), D(2026, 1, 10)),
        TopUpFact("ad_hoc", Decimal("3000.00"), D(2026, 3, 1)),
    )
    regular = pol(premium="20000.00", years=5, kind="universal", top_ups=top_ups)
    assert rules.standard_premium(LEVELS, regular, LATER).value == Decimal("22800.00")  # 20000 + 500 + 2000 + 300
    single = pol(premium="100000.00", years=1, mode="single")
    assert rules.standard_premium(LEVELS, single, LATER).value == Decimal("10000.00")


@pytest.mark.parametrize(
    ("score", "tier"),
    [
        ("29999.99", "mass"),
        ("30000.00", "pearl"),
        ("59999.99", "pearl"),
        ("60000.00", "gold"),
        ("150000.00", "platinum"),
        ("299999.99", "platinum"),
        ("300000.00", "diamond"),
        ("0.00", "mass"),
    ],
)
def test_levels_thresholds(score: str, tier: str) -> None:
    assert rules.rate(LEVELS, [pol(premium=score)], LATER).tier == tier


def test_levels_exclusions_cooling_off_loan_and_payment_period_plus_three_years() -> None:
    cooling = rules.assess(LEVELS, pol(eff=D(2026, 5, 1)), D(2026, 5, 10))
    assert (cooling.counting, cooling.reason) == ("provisional", "in cooling-off until 2026-05-16")
    loan = rules.assess(LEVELS, pol(loan=True), LATER)
    assert (loan.counting, loan.reason) == ("not_counted", "policy loan or pledge")
    assert rules.assess(STARS, pol(loan=True), LATER).counting == "counted"  # stars ignores loans
    p = pol(years=5, eff=D(2010, 3, 1))  # payment ends 2015-03-01, + 3 years = 2018-03-01
    assert rules.assess(LEVELS, p, D(2018, 2, 28)).counting == "counted"
    past = rules.assess(LEVELS, p, D(2018, 3, 1))
    assert (past.counting, past.reason) == ("not_counted", "past payment period + 3 years (since 2018-03-01)")
    single = pol(years=1, mode="single", eff=D(2020, 6, 1))  # single: payment period is its first year
    assert rules.assess(LEVELS, single, D(2024, 5, 31)).counting == "counted"
    assert rules.assess(LEVELS, single, D(2024, 6, 1)).counting == "not_counted"


def test_levels_downgrade_only_on_30_june_and_31_december_straight_to_score_level() -> None:
    p1, p2 = pol("P1", premium="50000.00", eff=D(2025, 1, 1)), pol("P2", premium="40000.00", eff=D(2025, 1, 1))
    s = evaluate(LEVELS, [p1, p2], state("levels"), D(2025, 2, 1)).state
    assert s.tier == "gold"
    dropped = [p1, pol("P2", premium="40000.00", eff=D(2025, 1, 1), loan=True)]  # 50,000: pearl
    for day in (D(2026, 3, 31), D(2026, 6, 29), D(2026, 9, 30)):
        e = evaluate(LEVELS, dropped, s, day)
        assert (e.state.tier, e.events, e.state.status) == ("gold", [], "confirmed")
    e = evaluate(LEVELS, dropped, s, D(2026, 6, 30))
    [change] = e.tier_changes
    assert (change.to_tier, change.reason, e.state.status) == ("pearl", "downgrade", "confirmed")
    assert e.notices[0].template == "tier_downgrade" and "黄金客户" in e.notices[0].text
    further = [pol("P1", premium="20000.00", eff=D(2025, 1, 1))]
    assert evaluate(LEVELS, further, e.state, D(2026, 12, 30)).state.tier == "pearl"
    assert evaluate(LEVELS, further, e.state, D(2026, 12, 31)).state.tier == "mass"


def test_levels_upgrade_every_day() -> None:
    s = evaluate(LEVELS, [pol(premium="20000.00")], state("levels"), LATER).state
    e = evaluate(LEVELS, [pol(premium="20000.00"), pol("P2", premium="10000.00", eff=D(2026, 1, 1))], s, D(2026, 5, 13))
    assert [(c.from_tier, c.to_tier, c.reason) for c in e.tier_changes] == [("mass", "pearl", "upgrade")]


def test_levels_last_policy_ends_level_drops_the_next_day() -> None:
    s = evaluate(LEVELS, [pol(premium="40000.00")], state("levels"), LATER).state
    ended = [pol(premium="40000.00", status="terminated")]
    e = evaluate(LEVELS, ended, s, D(2026, 8, 10))
    assert (e.state.tier, e.state.status, e.events) == ("pearl", "grace", [])
    assert e.state.pending_downgrade == rules.PendingDowngrade("none", D(2026, 8, 11))
    assert evaluate(LEVELS, ended, e.state, D(2026, 8, 10)).events == []
    nxt = evaluate(LEVELS, ended, e.state, D(2026, 8, 11))
    assert [(c.to_tier, c.reason) for c in nxt.tier_changes] == [("none", "invalidated")]
    assert nxt.state.status == "invalid" and nxt.notices[0].template == "tier_invalidated"


def test_levels_next_day_drop_cancelled_when_a_counted_policy_is_back() -> None:
    s = evaluate(LEVELS, [pol(premium="40000.00")], state("levels"), LATER).state
    e = evaluate(LEVELS, [pol(premium="40000.00", status="lapsed")], s, D(2026, 8, 10))
    assert e.state.pending_downgrade is not None
    back = evaluate(LEVELS, [pol(premium="40000.00")], e.state, D(2026, 8, 10))  # reinstated the same day
    assert (back.state.pending_downgrade, back.state.status, back.events) == (None, "confirmed", [])


@pytest.mark.parametrize(
    ("why", "left"),
    [
        ("a policy loan or pledge", [pol(premium="70000.00", loan=True)]),
        ("payment period + 3 years passed", [pol(premium="70000.00", years=5, eff=D(2018, 1, 10))]),
        (
            "only a cooling-off policy left",
            [
                pol(premium="70000.00", status="surrendered"),
                pol("P2", premium="70000.00", eff=D(2026, 8, 5)),
            ],
        ),
    ],
)
def test_levels_only_the_end_of_the_last_policy_drops_the_level_the_next_day(why: str, left: list) -> None:
    """SPEC 2.3, 001 Q&A: a policy that merely stops counting waits for the next 30 Jun / 31 Dec."""
    gold = evaluate(LEVELS, [pol(premium="70000.00", years=20, eff=D(2025, 1, 10))], state("levels"), LATER).state
    assert gold.tier == "gold"
    day = D(2026, 8, 10)
    e = evaluate(LEVELS, left, gold, day)
    assert (e.state.tier, e.state.status, e.state.pending_downgrade, e.events) == ("gold", "confirmed", None, []), why
    assert evaluate(LEVELS, left, e.state, day + dt.timedelta(days=1)).events == [], why
    review = evaluate(LEVELS, left, e.state, D(2026, 12, 31))
    if why == "only a cooling-off policy left":
        assert review.state.tier == "gold"  # 08-05 + 15 days: it counts by 31 Dec
        return
    [change] = review.tier_changes
    assert (change.from_tier, change.to_tier, change.reason) == ("gold", "none", "invalidated"), why
    [notice] = review.notices
    assert notice.template == "tier_invalidated" and "已无有效保单" not in notice.text and "不符合" in notice.text


# --- cards (SPEC 2.4) -----------------------------------------------------------------------------
def test_cards_subject_is_the_insured() -> None:
    p = pol(holder="H1", insured="I1")
    assert p.subject(CARDS) == "I1" and p.subject(STARS) == "H1"


@pytest.mark.parametrize(
    ("policies", "tier"),
    [
        ([("4999.99", "agency")], "none"),
        ([("5000.00", "agency")], "silver"),
        ([("9999.99", "direct")], "silver"),
        ([("10000.00", "agency")], "gold"),
        ([("25000.00", "agency")], "gold"),
        ([("25000.00", "direct")], "health_gold"),
        ([("19999.99", "direct")], "gold"),
        ([("20000.00", "direct")], "health_gold"),
        ([("20000.00", "direct"), ("5000.00", "agency")], "health_gold"),
        ([("15000.00", "direct"), ("10000.00", "agency")], "gold"),
        ([("30000.00", "direct")], "platinum"),
        ([("49999.99", "agency")], "platinum"),
        ([("50000.00", "bancassurance")], "diamond"),
    ],
)
def test_cards_afyp_thresholds_and_health_gold_only_for_direct_channel(
    policies: list[tuple[str, str]], tier: str
) -> None:
    facts = [pol(f"P{i}", premium=p, channel=c) for i, (p, c) in enumerate(policies)]
    assert rules.rate(CARDS, facts, LATER).tier == tier


def test_cards_afyp_below_5000_is_invalidated_not_downgraded() -> None:
    """SPEC 6 reasons: a change to ``none`` is ``invalidated`` (and its SMS does not say 调整为「无卡」)."""
    s = evaluate(CARDS, [pol(premium="12000.00")], state("cards"), LATER).state
    e = evaluate(CARDS, [pol(premium="4000.00")], s, D(2026, 5, 13))
    [change] = e.tier_changes
    assert (change.from_tier, change.to_tier, change.reason) == ("gold", "none", "invalidated")
    [notice] = e.notices
    assert notice.template == "tier_invalidated" and "无卡" not in notice.text
    assert "都会金卡" in notice.text and "已无有效保单" not in notice.text
    assert (e.state.tier, e.state.status) == ("none", "invalid")


def test_cards_change_at_once_on_suspension_or_premium_change() -> None:
    s = evaluate(CARDS, [pol(premium="30000.00")], state("cards"), LATER).state
    assert s.tier == "platinum"
    cheaper = evaluate(CARDS, [pol(premium="12000.00")], s, D(2026, 5, 13))  # not a review date
    assert [(c.to_tier, c.reason) for c in cheaper.tier_changes] == [("gold", "downgrade")]
    suspended = evaluate(CARDS, [pol(premium="12000.00", status="suspended")], cheaper.state, D(2026, 5, 14))
    assert [(c.to_tier, c.reason) for c in suspended.tier_changes] == [("none", "invalidated")]
    small = evaluate(CARDS, [pol(premium="1000.00")], s, D(2026, 5, 13))
    assert (small.state.tier, small.state.status) == ("none", "invalid")


def test_next_tier_score_needed() -> None:
    assert rules.next_tier(STARS, "star_2", Decimal("12000.00")) == ("star_3", Decimal("18000.00"))
    assert rules.next_tier(STARS, "star_5", Decimal("400000.00")) is None
    assert rules.next_tier(CARDS, "gold", Decimal("12000.00")) == ("platinum", Decimal("18000.00"))
    assert rules.next_tier(STARS, "none", Decimal("0")) == ("star_1", Decimal("0.01"))


# --- properties (hypothesis) ---------------------------------------------------------------------
PROGRAMS = [STARS, LEVELS, CARDS]
money = st.decimals(min_value=Decimal("0"), max_value=Decimal("400000"), places=2, allow_nan=False)
policy_st = st.builds(
    lambda i, premium, years, kind, channel, mode, status, eff_days, loan, top_up: pol(
        f"P{i}",
        premium=str(premium),
        years=years,
        kind=kind,
        channel=channel,
        mode=mode,
        status=status,
        eff=D(2020, 1, 1) + dt.timedelta(days=eff_days),
        loan=loan,
        top_ups=(TopUpFact("ad_hoc", top_up, D(2021, 1, 1)),) if top_up else (),
    ),
    st.integers(0, 10**6),
    money,
    st.integers(1, 30),
    st.sampled_from(["traditional", "health", "investment_linked", "universal"]),
    st.sampled_from(["agency", "direct", "bancassurance", "group"]),
    st.sampled_from(["regular", "single"]),
    st.sampled_from(["in_force", "in_force", "in_force", "lapsed", "suspended"]),
    st.integers(0, 2500),
    st.booleans(),
    st.one_of(st.none(), money),
)
day_st = st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PROGRAMS), st.lists(policy_st, max_size=6), day_st)
def test_property_score_is_never_negative(program, policies, day) -> None:  # type: ignore[no-untyped-def]
    r = rules.rate(program, policies, day)
    assert r.score >= 0 and r.provisional_score >= r.score
    assert all(a.standard_premium >= 0 for a in r.assessments)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PROGRAMS), st.lists(policy_st, max_size=5), policy_st, day_st, day_st)
def test_property_adding_an_in_force_policy_never_lowers_the_tier(program, policies, extra, first, day) -> None:  # type: ignore[no-untyped-def]
    extra = rules.PolicyFacts(
        **{**{f: getattr(extra, f) for f in extra.__slots__}, "status": "in_force", "policy_no": "EXTRA"}
    )
    start = evaluate(program, policies, state(program.program), min(first, day)).state
    without = evaluate(program, policies, start, day).state
    with_extra = evaluate(program, [*policies, extra], start, day).state
    assert program.rank[with_extra.tier] >= program.rank[without.tier]
    assert rules.rate(program, [*policies, extra], day).score >= rules.rate(program, policies, day).score


@settings(max_examples=300, deadline=None)
@given(st.lists(policy_st, max_size=5), st.lists(policy_st, max_size=5), day_st, day_st)
def test_property_no_stars_downgrade_on_a_non_review_date(before, after, first, day) -> None:  # type: ignore[no-untyped-def]
    start = evaluate(STARS, before, state(), first).state
    if start.pending_downgrade is not None and start.pending_downgrade.at <= day:
        return  # a grace that has run out is the review's own downgrade
    e = evaluate(STARS, after, start, day)
    if not STARS.is_review_date(day):
        assert all(c.reason != "downgrade" for c in e.tier_changes)
        assert all(ev.kind != "pre_downgrade" for ev in e.events)
