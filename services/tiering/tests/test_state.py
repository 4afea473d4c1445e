"""A tier state's status and an evaluation's outcome (``state.py``). Pure."""

from __future__ import annotations

import datetime as dt

from services.tiering.programs import NONE
from services.tiering.state import Evaluation, Notice, PendingDowngrade, TierEvent, TierState, status_of

GRACE = PendingDowngrade("star_2", dt.date(2026, 12, 31))


def test_the_status_follows_from_the_tier_a_pending_downgrade_and_a_provisional_tier() -> None:
    assert status_of(NONE, None, None) == "invalid"
    assert status_of(NONE, None, "star_1") == "provisional"  # only a policy in cooling-off
    assert status_of("star_3", GRACE, None) == "grace"
    assert status_of("star_3", GRACE, "star_4") == "grace"  # grace wins over a provisional upgrade
    assert status_of("star_3", None, "star_4") == "provisional"
    assert status_of("star_3", None, None) == "confirmed"


def test_an_evaluation_lists_its_tier_changes_and_its_notices() -> None:
    notice = Notice("tier_pre_downgrade", "text")
    events = [
        TierEvent("pre_downgrade", "star_3", "star_2", "review", "", notice=notice),
        TierEvent("tier_changed", "star_3", "star_2", "downgrade", "", sequence=4),
    ]
    evaluation = Evaluation(TierState("C1", "stars", "star_2"), events)
    assert [e.kind for e in evaluation.tier_changes] == ["tier_changed"]
    assert evaluation.notices == [notice]
