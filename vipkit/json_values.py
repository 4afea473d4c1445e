"""JSON of plain values exactly as pydantic's ``model_dump_json`` writes them (issue 17: hot paths
serialize events from values instead of building a model per event and dumping it).

Strings keep non-ASCII characters as they are and escape only what JSON requires; a date is its ISO
form; an aware datetime is ISO 8601 with a zero UTC offset written ``Z``; a ``Decimal`` is its string.
Each builder made from these has a test comparing it with pydantic's dump on awkward values.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from json.encoder import encode_basestring  # type: ignore[attr-defined]


def text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)  # type: ignore[no-any-return]


def day(value: dt.date | None) -> str:
    return "null" if value is None else f'"{value.isoformat()}"'


def moment(value: dt.datetime) -> str:
    """pydantic's form of an aware datetime: ISO 8601, a zero offset written ``Z``."""
    iso = value.isoformat()
    return f'"{iso[:-6]}Z"' if iso.endswith("+00:00") else f'"{iso}"'


def decimal(value: Decimal) -> str:
    return f'"{value}"'


def integer(value: int | None) -> str:
    return "null" if value is None else str(int(value))
