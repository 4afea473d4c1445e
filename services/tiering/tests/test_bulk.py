"""Re-rating's pure parts (``bulk.py``): ratings from summed scores, what events say about a customer,
and what one pass writes per tier event. No database.

That set-wise ratings decide exactly as ``rules.rate`` on every policy, on a boundary-case portfolio
for all three programs and both databases, is ``test_run_prefilter.py``'s
``test_setwise_runs_equal_runs_rating_each_customer_by_the_rules``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from contracts.events import NotificationRequestedV1, TierChangedV1, Topic
from services.tiering import bulk, rules
from services.tiering.bulk_repository import ScoreRow
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.programs import NONE, load_program
from services.tiering.state import Notice, TierEvent, TierState
from services.tiering.tests.conftest import new_customer
from services.tiering.tests.test_views import NOW, TODAY, put
from vipkit.db import Database
from vipkit.testing import DatabaseFactory

STARS, CARDS = load_program("stars"), load_program("cards")
AT = dt.datetime(2026, 6, 1, 0, 30, tzinfo=dt.UTC)


def row(score: str, counted: int = 1, channel_scores: tuple[str, ...] = (), **kw: object) -> ScoreRow:
    values: dict[str, object] = {
        "customer_id": "C1",
        "score": Decimal(score),
        "counted": counted,
        "cooling": 0,
        "channel_scores": tuple(Decimal(s) for s in channel_scores),
        "mobile": None,
        "birth_date": None,
        "waiting_from": None,
        "held": counted,
        "held_score": Decimal("0"),
    }
    return ScoreRow(**(values | kw))  # type: ignore[arg-type]


def test_a_summed_score_rates_at_the_highest_bound_it_reaches_inclusive() -> None:
    assert bulk.rating_of_sums(STARS, row("10000.00")).tier == "star_2"
    assert bulk.rating_of_sums(STARS, row("9999.99")).tier == "star_1"
    assert bulk.rating_of_sums(STARS, row("300000.00")).tier == "star_5"


def test_no_counted_policy_is_no_tier_whatever_the_held_score() -> None:
    rating = bulk.rating_of_sums(STARS, row("0", counted=0, held=2, held_score=Decimal("50000")))
    assert (rating.tier, rating.counted, rating.held, rating.held_score) == (NONE, 0, 2, Decimal("50000"))
    assert bulk.rating_of_sums(STARS, None).tier == NONE  # no policy at all


def test_a_tier_with_a_channel_filter_reads_the_sum_of_its_channels() -> None:
    # cards: health_gold needs 20,000 from the direct channel alone; the total decides the others
    assert bulk.rating_of_sums(CARDS, row("25000.00", channel_scores=("20000.00",))).tier == "health_gold"
    assert bulk.rating_of_sums(CARDS, row("25000.00", channel_scores=("19999.99",))).tier == "gold"
    assert bulk.rating_of_sums(CARDS, row("30000.00", channel_scores=("0",))).tier == "platinum"


def test_one_tier_change_writes_history_its_event_and_its_notice() -> None:
    batch = bulk.RerateBatch(STARS, AT, AT, "run 2026-06-01")
    new = TierState("C1", "stars", "star_2", "confirmed", Decimal("12000.00"), sequence=3)
    notice = Notice("tier_upgrade", "【VIP客户服务】您已升级为二星客户")
    event = TierEvent("tier_changed", "star_1", "star_2", "upgrade", "score 12000.00", sequence=3, notice=notice)
    subject = bulk.Subject(mobile="13800000000", birth_date=dt.date(1980, 1, 1), waiting_from=dt.date(2026, 5, 1))
    batch.record("C1", new, event, subject)
    (history,) = batch.history
    assert (history["kind"], history["from_tier"], history["to_tier"], history["sequence"]) == (
        "tier_changed",
        "star_1",
        "star_2",
        3,
    )
    assert (history["status"], history["effective_at"], history["created_at"]) == ("confirmed", AT, AT)
    (changed, requested) = batch.outgoing
    assert changed[0] == Topic.tier_changed and changed[2] == "C1"
    data = TierChangedV1.model_validate_json(changed[1].json)
    assert (data.to_tier, data.sequence, data.waiting_from) == ("star_2", 3, dt.date(2026, 5, 1))
    assert changed[1].labels == {"program": "stars", "reason": "upgrade", "to_tier": "star_2"}
    assert requested[0] == Topic.notification_requested and requested[2] == "C1"
    assert NotificationRequestedV1.model_validate_json(requested[1].json).mobile == "13800000000"
    assert batch.stats.notices == 1


def test_a_pre_downgrade_notice_is_history_and_a_notice_but_no_tier_event() -> None:
    batch = bulk.RerateBatch(STARS, AT, AT, "run")
    state = TierState("C1", "stars", "star_3", "grace", Decimal("20000.00"), sequence=4)
    notice = Notice("tier_pre_downgrade", "text")
    batch.record(
        "C1", state, TierEvent("pre_downgrade", "star_3", "star_2", "review", "", notice=notice), bulk.Subject()
    )
    assert [h["kind"] for h in batch.history] == ["pre_downgrade"]
    assert [topic for topic, _, _ in batch.outgoing] == [Topic.notification_requested]


def policy(no: str, underwritten: dt.datetime, mobile: str | None, eff: dt.date) -> rules.PolicyFacts:
    return rules.PolicyFacts(
        policy_no=no,
        holder_id="C1",
        insured_id="C1",
        product_kind="annuity",
        channel="agency",
        payment_mode="regular",
        annual_premium=Decimal("20000.00"),
        payment_years=10,
        status="in_force",
        effective_date=eff,
        cooling_off_end=eff + dt.timedelta(days=15),
        holder_mobile=mobile,
        holder_birth_date=dt.date(1980, 1, underwritten.day),
        underwritten_at=underwritten,
    )


def test_what_events_say_about_a_customer_comes_from_their_newest_policy() -> None:
    older = policy("P1", dt.datetime(2025, 1, 2, tzinfo=dt.UTC), "13800000001", dt.date(2025, 1, 10))
    newer = policy("P2", dt.datetime(2026, 1, 3, tzinfo=dt.UTC), None, dt.date(2026, 1, 10))
    rating = rules.rate(STARS, [older, newer], dt.date(2026, 6, 1))
    subject = bulk.subject_from_policies(STARS, [older, newer], rating)
    assert subject.mobile == "13800000001"  # the newest policy has none: the next newest that has one
    assert subject.birth_date == dt.date(1980, 1, 3)  # the newest policy's
    assert subject.waiting_from == dt.date(2025, 1, 10)  # the earliest counted policy's effective date
    assert bulk.subject_from_policies(STARS, [], bulk.rating_of_sums(STARS, None)) == bulk.Subject()


async def test_a_state_created_by_another_transaction_meanwhile_is_decided_again_from_it(
    postgres_only: str, db_factory: DatabaseFactory
) -> None:
    """``insert_new_states``: a customer that had no state when the pass locked its states, and got one
    from another transaction before the pass inserted it, is locked and evaluated again from that state."""
    db = Database(db_factory.create(postgres_only, MIGRATIONS_DIR))
    try:
        customer = new_customer()
        await put(db, customer, "20000.00")  # the other transaction: the state is star_2 now
        async with db.sessionmaker() as session, session.begin():
            rated, _subjects = await bulk.ratings(session, STARS, [customer], TODAY, setwise=True)
            plan = bulk.Pass(STARS, TODAY, "test", False, False, rated, {})  # as if locked before the state existed
            decisions = {customer: plan.decide(customer)}
            first = decisions[customer]
            assert first is not None and [e.to_tier for e in first.events] == ["star_2"]  # from no state
            inserted = await bulk.insert_new_states(session, plan, decisions, NOW)
    finally:
        await db.dispose()
    assert inserted == set()
    again = decisions[customer]
    assert again is not None and again.old.tier == "star_2" and again.events == []  # decided again: no change
