"""Tiering reads (views) against a migrated SQLite and PostgreSQL database: not-found errors, the
explanation of each policy, and the keyset pages of the history and of the tier feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from contracts.policy import PolicyDocument
from services.tiering import service, views
from services.tiering.programs import load_program
from services.tiering.service import PolicyNotFound, TierNotFound
from services.tiering.tests.conftest import new_customer, new_policy_no, policy_body
from vipkit import clock
from vipkit.db import Database
from vipkit.pagination import decode_cursor

STARS = load_program("stars")
NOW = dt.datetime(2026, 5, 10, 10, tzinfo=clock.SHANGHAI)
TODAY = NOW.date()


async def put(db: Database, customer: str, premium: str, *, policy_no: str | None = None, **kw: Any) -> str:
    values: dict[str, Any] = {
        "annual_premium": premium, "payment_years": 10, "effective_date": "2026-04-01", "cooling_off_end": None,
    }  # fmt: skip
    values.update(kw)
    doc = PolicyDocument.model_validate(policy_body(customer, **values))
    number = policy_no or new_policy_no()
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            await service.upsert_policy(session, STARS, number, doc)
    return number


async def test_unknown_policy_and_customer_are_not_found(db: Database) -> None:
    async with db.sessionmaker() as session:
        with pytest.raises(PolicyNotFound, match="policy PNOPE not found"):
            await views.get_policy(session, "PNOPE")
        with pytest.raises(TierNotFound):
            await views.get_tier(session, STARS, "CNOPE")
        with pytest.raises(TierNotFound):
            await views.get_history(session, STARS, "CNOPE", limit=10, after=None)
        with pytest.raises(TierNotFound):
            await views.explain(session, STARS, "CNOPE", TODAY)


async def test_policy_and_tier_read_back_what_was_stored(db: Database) -> None:
    customer = new_customer()
    number = await put(db, customer, "12000.00")
    async with db.sessionmaker() as session:
        policy = await views.get_policy(session, number)
        tier = await views.get_tier(session, STARS, customer)
    assert policy.policy_no == number and policy.annual_premium == Decimal("12000.00")
    assert (tier.tier, tier.score) == ("star_2", Decimal("12000.00"))


async def test_explain_shows_each_policy_with_its_formula_and_why_one_does_not_count(db: Database) -> None:
    customer = new_customer()
    counted = await put(db, customer, "20000.00", payment_years=5)
    lapsed = await put(db, customer, "50000.00", status="lapsed")
    async with db.sessionmaker() as session:
        ex = await views.explain(session, STARS, customer, TODAY)
    assert (ex.customer_id, ex.program, ex.subject, ex.as_of) == (customer, "stars", "holder", TODAY)
    assert (ex.score, ex.tier) == (Decimal("10000.00"), "star_2")
    by_no = {p.policy_no: p for p in ex.policies}
    assert set(by_no) == {counted, lapsed}
    assert by_no[counted].counted and by_no[counted].formula == "20,000.00 × 0.5 = 10,000.00"
    assert {t.name: t.value for t in by_no[counted].terms}["payment_years"] == "5"
    assert (by_no[lapsed].counting, by_no[lapsed].reason_not_counted) == ("not_counted", "lapsed")


async def test_explain_on_an_earlier_date_sees_a_policy_not_yet_in_force(db: Database) -> None:
    customer = new_customer()
    await put(db, customer, "20000.00")
    async with db.sessionmaker() as session:
        ex = await views.explain(session, STARS, customer, dt.date(2026, 3, 31))
    assert (ex.score, ex.tier) == (Decimal("0.00"), "none")
    assert ex.policies[0].reason_not_counted == "not yet in force (effective 2026-04-01)"


async def test_history_pages_oldest_first_with_a_cursor(db: Database) -> None:
    customer = new_customer()
    for premium in ("5000.00", "20000.00", "40000.00"):  # star_1 -> star_2 -> star_3
        await put(db, customer, premium)
    async with db.sessionmaker() as session:
        full = await views.get_history(session, STARS, customer, limit=50, after=None)
        first = await views.get_history(session, STARS, customer, limit=2, after=None)
        assert first.next_cursor is not None
        after = decode_cursor("tier-history", first.next_cursor, 1, types=(int,))
        assert after is not None
        rest = await views.get_history(session, STARS, customer, limit=50, after=after[0])
    assert full.next_cursor is None and len(full.items) >= 3
    sequences = [h.sequence or 0 for h in full.items]
    assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    assert [h.to_tier for h in full.items][-3:] == ["star_1", "star_2", "star_3"]
    assert first.items + rest.items == full.items
    assert full.items[-1].score == Decimal("65000.00")


async def test_tiers_page_walks_every_customer_once_in_id_order(db: Database) -> None:
    prefix = new_customer()
    customers = [f"{prefix}{i}" for i in range(3)]
    for c in customers:
        await put(db, c, "10000.00")
    seen: list[str] = []
    after = prefix
    async with db.sessionmaker() as session:
        while True:
            page = await views.tiers_page(session, after, 2)
            seen += [i.customer_id for i in page.items if i.customer_id.startswith(prefix)]
            assert all(i.score == Decimal("10000.00") and i.tier == "star_2" for i in page.items)
            if page.next_cursor is None:
                break
            decoded = decode_cursor("tiers", page.next_cursor, 1, types=(str,))
            assert decoded is not None
            after = decoded[0]
    assert seen == customers
