"""bulk_repository.py: tier states created, locked and written back set-wise (SQLite and PostgreSQL),
history rows through copy_rows, and the PostgreSQL rating aggregation's per-subject sums.

That the aggregation rates exactly as ``rules.rate`` over a boundary-case portfolio is
test_run_prefilter.py's ``test_setwise_runs_equal_runs_rating_each_customer_by_the_rules``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from services.tiering import bulk_repository as bulk_repo
from services.tiering import repository as repo
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.models import TierHistory
from services.tiering.programs import load_program
from services.tiering.state import PendingDowngrade, TierState
from services.tiering.tests.conftest import BASE_POLICY, new_customer
from services.tiering.tests.test_views import NOW, put
from vipkit import clock
from vipkit.db import Database
from vipkit.testing import DatabaseFactory

STARS = load_program("stars")
DAY = NOW.date()


async def test_lock_creates_missing_states_and_store_writes_them_back(db: Database) -> None:
    rated, fresh = new_customer(), new_customer()
    await put(db, rated, "20000.00")
    async with db.sessionmaker() as session, session.begin():
        states = await bulk_repo.lock_states(session, [fresh, rated, fresh], "stars", NOW)
        assert await bulk_repo.lock_states(session, [], "stars", NOW) == {}
        assert list(states) == sorted([fresh, rated])
        assert (states[fresh].tier, states[fresh].status, states[fresh].score) == ("none", "invalid", Decimal("0.00"))
        assert (states[rated].tier, states[rated].score) == ("star_2", Decimal("20000.00"))
        changed = dataclasses.replace(
            states[rated],
            tier="star_3", score=Decimal("30000.00"), since=DAY, sequence=states[rated].sequence + 1,
            pending_downgrade=PendingDowngrade("star_2", dt.date(2026, 6, 30)), evaluated_on=DAY,
        )  # fmt: skip
        await bulk_repo.store_states(session, [changed], NOW)
        await bulk_repo.store_states(session, [], NOW)
    async with db.sessionmaker() as session, session.begin():
        again = await bulk_repo.lock_states(session, [rated, fresh], "stars", NOW)
        row = await repo.get_state(session, rated)
    assert again[rated] == changed
    assert again[fresh] == states[fresh]
    assert row is not None and (row.pending_to, row.pending_at) == ("star_2", dt.date(2026, 6, 30))


async def test_add_history_writes_every_row(db: Database) -> None:
    customer = new_customer()
    rows = [
        {
            "customer_id": customer,
            "program": "stars",
            "kind": "change",
            "from_tier": "none",
            "to_tier": "star_1",
            "reason": f"r{n}",
            "status": "confirmed",
            "score": Decimal("1.00"),
            "sequence": n,
            "detail": "",
            "effective_at": NOW,
            "created_at": NOW,
        }
        for n in (1, 2)
    ]
    async with db.sessionmaker() as session, session.begin():
        await bulk_repo.add_history(session, rows)
    async with db.sessionmaker() as session:
        stored = (
            await session.execute(
                select(TierHistory.reason).where(TierHistory.customer_id == customer).order_by(TierHistory.id)
            )
        ).scalars()
        assert list(stored) == ["r1", "r2"]


async def test_score_rows_sum_counted_cooling_held_and_the_newest_policys_contact(
    postgres_only: str, db_factory: DatabaseFactory
) -> None:
    db = Database(db_factory.create(postgres_only, MIGRATIONS_DIR))
    try:
        holder, nobody = new_customer(), new_customer()
        await put(db, holder, "20000.00", payment_years=5, effective_date="2026-03-01")  # 10,000 counted
        await put(db, holder, "3000.00", status="lapsed")  # not counted, not held
        contact = {**BASE_POLICY["holder"], "customer_id": holder, "mobile": "13912345678", "birth_date": "1985-05-05"}
        newest: dict[str, Any] = {"underwritten_at": "2026-05-09T09:00:00+08:00", "holder": contact}
        # in cooling-off on 05-10: provisional, held
        await put(db, holder, "8000.00", effective_date="2026-05-01", cooling_off_end="2026-05-16", **newest)
        with clock.frozen(NOW):
            async with db.sessionmaker() as session:
                rows = await bulk_repo.score_rows(session, STARS, [holder, nobody], DAY)
    finally:
        await db.dispose()
    assert set(rows) == {holder}  # a subject without policies is absent
    r = rows[holder]
    assert (r.score, r.counted, r.cooling) == (Decimal("10000.00"), 1, 1)
    assert (r.held, r.held_score) == (2, Decimal("8000.00"))
    assert (r.mobile, r.birth_date) == ("13912345678", dt.date(1985, 5, 5))  # the most recently underwritten
    assert r.waiting_from == dt.date(2026, 3, 1)
    assert r.channel_scores == ()  # stars has no channel-restricted tier


async def test_insert_states_writes_new_states_and_names_those_created_meanwhile(
    postgres_only: str, db_factory: DatabaseFactory
) -> None:
    db = Database(db_factory.create(postgres_only, MIGRATIONS_DIR))
    try:
        stored, fresh = new_customer(), new_customer()
        await put(db, stored, "20000.00")
        new = TierState(fresh, "stars", "star_1", "confirmed", Decimal("6000.00"), since=DAY, sequence=1)
        async with db.sessionmaker() as session, session.begin():
            assert await bulk_repo.lock_states(session, [stored, fresh], "stars", NOW, create=False) == {
                stored: (await bulk_repo.lock_states(session, [stored], "stars", NOW))[stored]
            }  # create=False: the stored state only
            taken = await bulk_repo.insert_states(session, [new, TierState(stored, "stars")], NOW)
            assert await bulk_repo.insert_states(session, [], NOW) == set()
        async with db.sessionmaker() as session, session.begin():
            again = await bulk_repo.lock_states(session, [stored, fresh], "stars", NOW, create=False)
    finally:
        await db.dispose()
    assert taken == {stored}  # its state existed: not overwritten
    assert again[fresh] == new
    assert again[stored].tier == "star_2"
