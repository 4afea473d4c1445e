"""Each SPEC 2.4 change rule as its own pure function (rules.py): one per downgrade mode and per
"no counted policy" mode, called directly with the facts of one evaluation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.tiering import rules
from services.tiering.programs import Program, load_program
from services.tiering.rules import Facts, PendingDowngrade, Step

STARS = load_program("stars")
LEVELS = load_program("levels")
CARDS = load_program("cards")
D = dt.date


def facts(program: Program, as_of: dt.date, *, current: str, tier: str, counted: int = 1) -> Facts:
    rating = rules.Rating(
        score=Decimal("100.00"),
        tier=tier,
        counted=counted,
        provisional_score=Decimal("100.00"),
        provisional_tier=tier,
        provisional_until=None,
        assessments=(),
    )
    return Facts(program, as_of, rating, current, first_ever=False, cause="policy P1 changed")


def step(tier: str, pending: PendingDowngrade | None = None) -> Step:
    return Step(tier=tier, since=D(2026, 1, 1), pending=pending, sequence=3)


def test_downgrade_immediate_changes_the_card_at_once_with_an_sms() -> None:
    out = rules.downgrade_immediate(facts(CARDS, D(2026, 5, 6), current="gold", tier="silver"), step("gold"))
    assert (out.tier, out.since, out.sequence, out.pending) == ("silver", D(2026, 5, 6), 4, None)
    [event] = out.events
    assert (event.kind, event.reason, event.from_tier, event.to_tier) == ("tier_changed", "downgrade", "gold", "silver")
    assert event.notice is not None and event.notice.template == "tier_downgrade"
    assert event.detail.endswith("(policy P1 changed)")


def test_downgrade_on_dates_waits_for_30_june_or_31_december() -> None:
    before = step("gold")
    assert rules.downgrade_on_dates(facts(LEVELS, D(2026, 6, 29), current="gold", tier="pearl"), before) == before
    out = rules.downgrade_on_dates(facts(LEVELS, D(2026, 6, 30), current="gold", tier="pearl"), before)
    assert out.tier == "pearl" and [e.reason for e in out.events] == ["downgrade"]


def test_downgrade_review_with_grace_notice_then_grace_then_downgrade_at_the_next_review() -> None:
    review = D(2026, 3, 31)
    out = rules.downgrade_review_with_grace(facts(STARS, review, current="star_3", tier="star_2"), step("star_3"))
    assert out.tier == "star_3" and out.pending == PendingDowngrade("star_2", STARS.next_review_date(review))
    [notice] = out.events
    assert notice.kind == "pre_downgrade" and notice.notice is not None and notice.sequence is None
    # during grace ``to`` follows the score, no new notice
    during = rules.downgrade_review_with_grace(facts(STARS, D(2026, 4, 20), current="star_3", tier="star_1"), out)
    assert during.pending == PendingDowngrade("star_1", out.pending.at) and during.events == out.events
    # at the end of grace: downgraded to what the score then gives
    end = rules.downgrade_review_with_grace(facts(STARS, out.pending.at, current="star_3", tier="star_1"), during)
    assert end.tier == "star_1" and end.pending is None and end.events[-1].reason == "downgrade"


def test_downgrade_review_with_grace_does_nothing_on_an_ordinary_day() -> None:
    before = step("star_3")
    assert rules.downgrade_review_with_grace(facts(STARS, D(2026, 4, 2), current="star_3", tier="star_2"), before) == (
        before
    )


def test_no_counted_policy_next_day_drops_the_level_the_day_after() -> None:
    day = D(2026, 8, 3)
    first = rules.no_counted_policy_next_day(facts(LEVELS, day, current="gold", tier="none", counted=0), step("gold"))
    assert first.tier == "gold" and first.pending == PendingDowngrade("none", day + dt.timedelta(days=1))
    same_day = rules.no_counted_policy_next_day(facts(LEVELS, day, current="gold", tier="none", counted=0), first)
    assert same_day == first
    next_day = day + dt.timedelta(days=1)
    out = rules.no_counted_policy_next_day(facts(LEVELS, next_day, current="gold", tier="none", counted=0), first)
    assert out.tier == "none" and out.pending is None and out.events[-1].reason == "invalidated"


def test_no_counted_policy_immediate_invalidates_at_once() -> None:
    out = rules.no_counted_policy_immediate(
        facts(STARS, D(2026, 8, 3), current="star_2", tier="none", counted=0), step("star_2")
    )
    assert out.tier == "none" and [e.notice.template for e in out.events if e.notice] == ["tier_invalidated"]


def test_upgrade_reason_initial_restored_or_upgrade() -> None:
    f = facts(STARS, D(2026, 8, 3), current="none", tier="star_2")
    assert rules.upgrade(f, step("none")).events[0].reason == "restored"
    first = Facts(f.program, f.as_of, f.rating, "none", first_ever=True)
    assert rules.upgrade(first, step("none")).events[0].reason == "initial"
    assert rules.upgrade(facts(STARS, f.as_of, current="star_1", tier="star_2"), step("star_1")).events[0].reason == (
        "upgrade"
    )


def test_keep_tier_clears_a_pending_grace_only_at_its_review_date() -> None:
    grace = step("star_3", PendingDowngrade("star_2", D(2026, 6, 30)))
    assert rules.keep_tier(facts(STARS, D(2026, 4, 20), current="star_3", tier="star_3"), grace) == grace
    out = rules.keep_tier(facts(STARS, D(2026, 6, 30), current="star_3", tier="star_3"), grace)
    assert out.pending is None and [e.kind for e in out.events] == ["grace_cleared"]
    assert rules.keep_tier(facts(STARS, D(2026, 4, 20), current="star_3", tier="star_3"), step("star_3")).events == ()


def test_every_program_mode_has_its_function() -> None:
    for program in (STARS, LEVELS, CARDS):
        assert program.changes.downgrade in rules.DOWNGRADE_MODES
        assert program.changes.no_counted_policy in rules.NO_COUNTED_POLICY
