"""Set-wise statements whose text does not depend on how many rows or keys a batch has.

A multi-row ``VALUES`` (SQLAlchemy's "insertmanyvalues": every row's parameters, ten thousand for a
thousand rows of ten columns) or an expanded ``IN (...)`` list changes its text with the row count,
so with batches of varying size PostgreSQL parses and plans it, and the driver prepares it, anew for
nearly every batch. On PostgreSQL these helpers use one array parameter per column instead, prepared
once per connection (issue 17: entitlements applying tier changes in consumer batches):

- ``insert_ignore_many``: ``INSERT ... SELECT * FROM unnest($1::varchar[], ...) ON CONFLICT DO
  NOTHING RETURNING ...``;
- ``any_of``: ``column = ANY($1::varchar[])`` for ``column IN (...)``.

Other databases (SQLite): the executemany and the ``IN`` list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Executable, Row, Table, any_, bindparam, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit.db import is_postgres, upsert_insert

_PG = postgresql.dialect()  # type: ignore[no-untyped-call]


@cache
def _unnest_insert(table: Table, columns: tuple[str, ...], returning: tuple[str, ...]) -> Executable:
    names = ", ".join(f'"{c}"' for c in columns)
    arrays = ", ".join(f"CAST(:{c} AS {table.c[c].type.compile(dialect=_PG)}[])" for c in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING'
    if not returning:
        return text(sql)
    back = ", ".join(f'"{c}"' for c in returning)
    return text(f"{sql} RETURNING {back}").columns(*(table.c[c] for c in returning))  # typed results


async def insert_ignore_many(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]], returning: Sequence[str] = ()
) -> list[Row[Any]]:
    """Insert the rows (all with the same keys), skipping those that conflict; returns the
    ``returning`` columns of the rows inserted (in no particular order)."""
    if not rows:
        return []
    if not is_postgres(session):
        stmt = upsert_insert(session, table).on_conflict_do_nothing()
        if returning:
            return list((await session.execute(stmt.returning(*(table.c[c] for c in returning)), list(rows))).all())
        await session.execute(stmt, list(rows))
        return []
    columns = tuple(rows[0])
    unnest = _unnest_insert(table, columns, tuple(returning))
    result = await session.execute(unnest, {c: [row[c] for row in rows] for c in columns})
    return list(result.all()) if returning else []


def any_of(session: AsyncSession, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN values``, as one array parameter on PostgreSQL."""
    if is_postgres(session):
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))  # type: ignore[no-any-return]
    return column.in_(list(values))  # type: ignore[no-any-return]
