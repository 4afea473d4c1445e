"""Tiering's mapping (``mapping.py``): the stored policy -> the rules' facts, the stored tier state ->
what a customer reads. Pure, no database (rows built in memory)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.tiering import mapping
from services.tiering.models import TierStateRow
from services.tiering.programs import load_program

STARS = load_program("stars")


def state(tier: str, score: str, **kw: object) -> TierStateRow:
    values: dict[str, object] = {
        "customer_id": "C1",
        "program": "stars",
        "tier": tier,
        "status": "confirmed",
        "score": Decimal(score),
        "since": dt.date(2026, 1, 10),
        "provisional_tier": None,
        "provisional_until": None,
        "pending_to": None,
        "pending_at": None,
        "sequence": 3,
    }
    return TierStateRow(**(values | kw))


def test_a_tier_reads_with_its_name_and_what_the_next_tier_needs() -> None:
    read = mapping.tier_read(STARS, state("star_2", "12000"))
    assert (read.tier, read.tier_name, read.score, read.sequence) == ("star_2", "二星客户", Decimal("12000.00"), 3)
    assert read.next_tier is not None
    assert (read.next_tier.tier, read.next_tier.score_needed) == ("star_3", Decimal("18000.00"))
    assert read.pending_downgrade is None


def test_a_pending_downgrade_and_the_top_tier() -> None:
    grace = mapping.tier_read(
        STARS, state("star_5", "250000", status="grace", pending_to="star_4", pending_at=dt.date(2026, 12, 31))
    )
    assert grace.pending_downgrade is not None and grace.pending_downgrade.to == "star_4"
    assert mapping.tier_read(STARS, state("star_5", "300000")).next_tier is None


def test_a_stored_amount_reads_to_the_cent() -> None:
    assert mapping.money("3233") == Decimal("3233.00") and str(mapping.money(12)) == "12.00"
