"""Designated relatives at the use-case level (``relatives.py``), on SQLite and PostgreSQL.

The HTTP rules (status codes, masking in responses) are in ``test_api.py``; here the use case's own
contract: what it returns, when it writes, and the levels program's changeable designation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from services.entitlements import relatives
from services.entitlements import repository as repo
from services.entitlements.catalog import Catalog, load_catalog
from services.entitlements.schemas import RelativeRead, RelativesRead
from services.entitlements.tests.conftest import at, new_customer, set_tier
from vipkit import clock
from vipkit.db import Database
from vipkit.problems import Conflict, NotEntitled, ValidationProblem

CARDS, LEVELS = load_catalog("cards"), load_catalog("levels")
NOW = "2026-06-01T10:00"
SPOUSE = {"name": "李娜", "relation": "spouse", "id_no": "110101198001011234", "birth_date": dt.date(1980, 1, 1)}


async def designate(
    db: Database, catalog: Catalog, customer_id: str, relative_id: str, **person: Any
) -> tuple[RelativeRead, bool]:
    with clock.frozen(at(NOW)):
        async with db.sessionmaker() as session, session.begin():
            return await relatives.designate_relative(session, catalog, customer_id, relative_id, **person)


async def listed(db: Database, catalog: Catalog, customer_id: str) -> RelativesRead:
    with clock.frozen(at(NOW)):
        async with db.sessionmaker() as session:
            return await relatives.relatives_view(session, catalog, customer_id)


async def test_designation_returns_the_masked_relative_with_age_and_services_and_a_repeat_writes_nothing(
    db: Database,
) -> None:
    c = new_customer()
    await set_tier(db, CARDS, c, "platinum", 1, "2026-01-02T10:00")
    read, created = await designate(db, CARDS, c, "R1", **SPOUSE)
    assert created is True
    assert (read.relative_id, read.customer_id, read.relation) == ("R1", c, "spouse")
    assert read.id_no == "110101********1234" and read.age == 46
    assert read.designated_at == at(NOW)
    assert set(read.services) == {"domestic_rescue", "international_rescue"}
    again, created = await designate(db, CARDS, c, "R1", **SPOUSE)
    assert created is False and again == read
    view = await listed(db, CARDS, c)
    assert (view.tier, view.max_count, view.fixed_once_designated) == ("platinum", 2, True)
    assert view.items == [read]


async def test_cards_refuse_a_change_a_third_relative_and_the_gold_card(db: Database) -> None:
    c = new_customer()
    await set_tier(db, CARDS, c, "platinum", 1, "2026-01-02T10:00")
    await designate(db, CARDS, c, "R1", **SPOUSE)
    with pytest.raises(Conflict):
        await designate(db, CARDS, c, "R1", **(SPOUSE | {"name": "李娜娜"}))  # fixed once designated
    await designate(db, CARDS, c, "R2", **(SPOUSE | {"relation": "child", "birth_date": dt.date(2010, 1, 1)}))
    with pytest.raises(Conflict, match="at most 2"):
        await designate(db, CARDS, c, "R3", **(SPOUSE | {"relation": "child", "birth_date": dt.date(2012, 1, 1)}))
    gold = new_customer()
    await set_tier(db, CARDS, gold, "gold", 1, "2026-01-02T10:00")
    with pytest.raises(NotEntitled):
        await designate(db, CARDS, gold, "R1", **SPOUSE)
    with pytest.raises(ValidationProblem):
        await designate(db, CARDS, c, c, **SPOUSE)  # the customer is never their own relative
    async with db.sessionmaker() as session:
        assert await repo.count_relatives(session, c) == 2
        assert await repo.count_relatives(session, gold) == 0


async def test_levels_a_designated_relative_may_be_updated(db: Database) -> None:
    c = new_customer()
    await set_tier(db, LEVELS, c, "gold", 1, "2026-01-02T10:00")
    await designate(db, LEVELS, c, "R1", **SPOUSE)
    updated, created = await designate(db, LEVELS, c, "R1", **(SPOUSE | {"name": "李娜娜"}))
    assert created is False and updated.name == "李娜娜"
    assert [r.name for r in (await listed(db, LEVELS, c)).items] == ["李娜娜"]
