"""``vipkit.db_bulk``: set-wise insert-on-conflict and ``IN`` lists with a statement text that does
not change with the row count (PostgreSQL: arrays), the same results on both databases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event, select

from tests.foundation.probe import app as probe
from vipkit.db import Database, inbox_table
from vipkit.db_bulk import any_of, insert_ignore_many

AT = dt.datetime(2026, 5, 9, 2, tzinfo=dt.UTC)


def rows(ids: range) -> list[dict[str, object]]:
    return [{"consumer": "c", "event_id": f"e{i}", "topic": "t", "processed_at": AT} for i in ids]


async def test_many_rows_insert_once_conflicts_are_skipped_and_one_statement_serves_every_size(db_kind, db_factory):
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    statements: set[str] = set()
    event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.add(a[2]))
    try:
        async with db.transaction() as session:
            first = await insert_ignore_many(session, inbox_table, rows(range(5)), ["event_id", "processed_at"])
            again = await insert_ignore_many(session, inbox_table, rows(range(3, 12)), ["event_id", "processed_at"])
            none = await insert_ignore_many(session, inbox_table, [], ["event_id"])
            assert await insert_ignore_many(session, inbox_table, rows(range(12, 13))) == []
            found = await session.execute(
                select(inbox_table.c.event_id).where(any_of(session, inbox_table.c.event_id, ["e1", "e7", "x"]))
            )
            assert sorted(found.scalars()) == ["e1", "e7"]
        assert sorted(r.event_id for r in first) == sorted(f"e{i}" for i in range(5))
        assert sorted(r.event_id for r in again) == sorted(f"e{i}" for i in range(5, 12))  # e3, e4 existed
        assert {r.processed_at for r in again} == {AT}  # typed results: aware datetimes on both databases
        assert none == []
        async with db.sessionmaker() as session:
            stored = (await session.execute(select(inbox_table.c.event_id))).scalars().all()
        assert sorted(stored) == sorted(f"e{i}" for i in range(13))
        if db_kind == "postgresql":
            inserts = {s for s in statements if s.startswith('INSERT INTO "inbox"') and "RETURNING" in s}
            assert len(inserts) == 1  # 5 rows and 9 rows: one statement text
    finally:
        await db.dispose()
