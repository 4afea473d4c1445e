"""tiering repository.py: policy and subject reads (holder or insured), the keyset of subject ids,
tier-state locking and history paging, on SQLite and PostgreSQL (policies stored the real way)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.tiering import repository as repo
from services.tiering.models import TierHistory
from services.tiering.tests.conftest import new_customer
from services.tiering.tests.test_views import NOW, put
from vipkit import clock
from vipkit.db import Database

UNDERWRITTEN = dt.datetime(2026, 5, 8, 15, 30, tzinfo=clock.SHANGHAI)  # BASE_POLICY's underwritten_at
TOP_UP = {"kind": "ad_hoc", "amount": "1000.00", "date": "2026-02-01"}


async def test_policy_reads_and_earliest_underwriting(db: Database) -> None:
    holder = new_customer()
    first = await put(db, holder, "10000.00")
    later = await put(db, holder, "20000.00", underwritten_at="2026-05-09T09:00:00+08:00")
    async with db.sessionmaker() as session:
        assert (await repo.get_policy(session, first, for_update=True)).policy_no == first  # type: ignore[union-attr]
        assert await repo.get_policy(session, "PNOPE") is None
        assert await repo.existing_policy_nos(session, [first, later, "PNOPE"]) == {first, later}
        assert await repo.existing_policy_nos(session, []) == set()
        earliest = await repo.earliest_underwriting(session, [holder, "CNOPE"])
        assert await repo.earliest_underwriting(session, []) == {}
        far_future = NOW + dt.timedelta(days=1)
        assert await repo.holder_has_earlier_policy(session, holder, later, far_future, far_future) is True
        before = UNDERWRITTEN - dt.timedelta(days=1)
        assert await repo.holder_has_earlier_policy(session, holder, later, before, before) is False
    assert earliest == {holder: UNDERWRITTEN}


async def test_subject_reads_follow_holder_or_insured_and_carry_top_ups(db: Database) -> None:
    holder, insured = new_customer(), new_customer()
    number = await put(db, holder, "10000.00", insured=insured, product=universal(), top_ups=[TOP_UP])
    async with db.sessionmaker() as session:
        as_holder = await repo.subject_policies(session, "holder", [holder, insured])
        as_insured = await repo.subject_policies(session, "insured", [holder, insured])
        facts = await repo.subject_facts(session, "insured", [insured])
        assert await repo.subject_policies(session, "holder", []) == {}
        assert await repo.subject_facts(session, "holder", []) == {}
        known = await repo.known_subject_ids(session, "insured", [insured, holder, "CNOPE"])
        assert await repo.known_subject_ids(session, "holder", []) == []
    assert [p.policy_no for p in as_holder[holder]] == [number] and insured not in as_holder
    assert [p.policy_no for p in as_insured[insured]] == [number]
    [fact] = facts[insured]
    assert (fact.policy_no, fact.holder_id, fact.insured_id) == (number, holder, insured)
    assert [(t.kind, t.amount, t.date) for t in fact.top_ups] == [("ad_hoc", Decimal("1000.00"), dt.date(2026, 2, 1))]
    assert known == sorted([holder, insured])  # the holder has a tier state (stars rates holders)


def universal() -> dict[str, str]:
    return {"code": "WN-1", "name": "长生金账户万能型终身寿险", "kind": "universal"}


async def test_subject_ids_page_walks_holders_in_order_without_repeats(db: Database) -> None:
    prefix = new_customer()
    holders = [f"{prefix}{i}" for i in range(5)]
    for h in holders:
        await put(db, h, "10000.00")
    await put(db, holders[2], "5000.00")  # a second policy: still one id
    seen: list[str] = []
    after = prefix
    async with db.sessionmaker() as session:
        while page := await repo.subject_ids_page(session, "holder", after, 2):
            assert len(page) <= 2
            seen += page
            after = page[-1]
    assert seen == holders


async def test_lock_states_creates_missing_rows_and_keeps_existing_ones(db: Database) -> None:
    rated = new_customer()
    await put(db, rated, "20000.00")
    fresh = new_customer()
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            states = await repo.lock_states(session, [fresh, rated, fresh], "stars")
            assert await repo.lock_states(session, [], "stars") == {}
    assert list(states) == sorted([fresh, rated])
    assert (states[fresh].tier, states[fresh].status, states[fresh].sequence) == ("none", "invalid", 0)
    assert states[rated].tier == "star_2" and states[rated].sequence >= 1


async def test_history_is_keyset_paged_on_the_row_id(db: Database) -> None:
    customer = new_customer()
    async with db.sessionmaker() as session, session.begin():
        for n in range(3):
            repo.add_history(
                session,
                TierHistory(
                    customer_id=customer, program="stars", kind="change", from_tier="none", to_tier="star_1",
                    reason=f"r{n}", status="confirmed", score=Decimal("1.00"), sequence=n + 1, effective_at=NOW, created_at=NOW,
                ),
            )  # fmt: skip
    async with db.sessionmaker() as session:
        first = await repo.list_history(session, customer, limit=2, after=None)
        rest = await repo.list_history(session, customer, limit=2, after=first[-1].id)
    assert [h.reason for h in first] == ["r0", "r1"] and [h.reason for h in rest] == ["r2"]
