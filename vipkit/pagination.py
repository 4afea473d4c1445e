"""One pagination style for every growing list: ``limit`` + an opaque ``cursor``; the answer carries
``next_cursor`` (null on the last page). ``limit`` has a documented maximum (``MAX_LIMIT``) and a
larger one is a 422, never a silent cap.

The cursor is the sort key of the last item of the page (keyset pagination: stable while rows are
added, no OFFSET scan), base64url-encoded JSON with the list's name, so a cursor of one list is
refused by another. Repositories fetch ``limit + 1`` rows ordered by the key and filter with
``after_key``; ``page`` cuts the extra row off and builds ``next_cursor``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import sqlalchemy as sa
from fastapi import Query
from pydantic import BaseModel, Field

from vipkit.problems import ValidationProblem

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT} (more is a 422, never a silent cap)")
]
Cursor = Annotated[
    str | None,
    Query(max_length=500, description="Opaque: the `next_cursor` of the previous page; omit for the first page"),
]


class PageFields(BaseModel):
    """Mixed into every list answer (``items`` is declared by the list itself)."""

    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null on the last page"
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, dict) and "t" in value:
        return dt.datetime.fromisoformat(value["t"])
    if isinstance(value, dict) and "d" in value:
        return dt.date.fromisoformat(value["d"])
    return value


def encode_cursor(name: str, key: Sequence[Any]) -> str:
    raw = json.dumps([name, [_plain(v) for v in key]], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _plausible(value: Any) -> bool:
    """A value this module can have put in a cursor (a forged one may hold anything: 2^63, a naive
    time, a nested list — each would reach the database and fail there as a server error)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return INT64_MIN <= value <= INT64_MAX
    if isinstance(value, str):
        return len(value) <= 500
    if isinstance(value, dt.datetime):
        try:
            return value.tzinfo is not None and value.astimezone(dt.UTC) is not None
        except OverflowError:  # 0001-01-01T00:00+08:00 is before the first representable UTC instant
            return False
    return isinstance(value, dt.date)


def _foreign() -> ValidationProblem:
    return ValidationProblem("cursor is not a cursor of this list", field="cursor")


def decode_cursor(
    name: str, cursor: str | None, size: int, *, types: tuple[type, ...] | None = None
) -> list[Any] | None:
    """The key after which the page starts (None: the first page); a foreign, damaged or forged
    cursor → 422. ``types``: the key's value types, when the caller does not filter with ``after_key``
    (which checks them against the columns)."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        list_name, key = json.loads(raw)
        values = [_typed(v) for v in key]
    except (binascii.Error, ValueError, TypeError, OverflowError):
        raise _foreign() from None
    if list_name != name or len(values) != size or not all(_plausible(v) for v in values):
        raise _foreign()
    if types is not None and not all(_of_type(v, t) for v, t in zip(values, types, strict=True)):
        raise _foreign()
    return values


def _of_type(value: Any, expected: type) -> bool:
    if expected is dt.date:  # a datetime is a date to isinstance; not to a DATE column
        return type(value) is dt.date
    return isinstance(value, expected)


def _column_type(column: Any) -> type | None:
    try:
        return column.type.python_type  # type: ignore[no-any-return]
    except (NotImplementedError, AttributeError):
        return None


def after_key(columns: Sequence[Any], key: Sequence[Any] | None, *, descending: bool = False) -> Any:
    """The WHERE clause of the rows after ``key`` in (columns) order; ``true`` for the first page."""
    if key is None:
        return sa.true()
    for column, value in zip(columns, key, strict=True):
        expected = _column_type(column)
        if expected is not None and not _of_type(value, expected):
            raise _foreign()
    left = sa.tuple_(*columns)
    right = sa.tuple_(*(sa.literal(v, type_=c.type) for c, v in zip(columns, key, strict=True)))
    return left < right if descending else left > right


def page(name: str, rows: Sequence[T], limit: int, key: Callable[[T], Sequence[Any]]) -> tuple[list[T], str | None]:
    """The first ``limit`` rows of ``rows`` (fetched with ``limit + 1``) and the next cursor."""
    items = list(rows[:limit])
    if len(rows) > limit and items:
        return items, encode_cursor(name, key(items[-1]))
    return items, None


def page_in_memory(
    name: str, rows: Sequence[T], limit: int, cursor: str | None, key: Callable[[T], Sequence[Any]]
) -> tuple[list[T], str | None]:
    """The same for a list that is built whole (small, bounded ones): sorted by ``key``."""

    def sortable(values: Sequence[Any]) -> list[Any]:
        return [v.isoformat() if isinstance(v, dt.date) else v for v in values]

    ordered = sorted(rows, key=lambda r: sortable(key(r)))
    if cursor is not None:
        first = key(ordered[0]) if ordered else ()
        after = decode_cursor(name, cursor, len(first), types=tuple(type(v) for v in first))
        ordered = [r for r in ordered if after is None or sortable(key(r)) > sortable(after)]
    return page(name, ordered, limit, key)
