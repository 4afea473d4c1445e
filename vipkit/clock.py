"""The one clock every rule reads (SPEC 7.3).

``now()`` returns an aware datetime in Asia/Shanghai. When the test clock is enabled
(``VIP_TEST_CLOCK=1``) a request's ``X-Test-Now`` header, or an event's ``testnow`` attribute,
overrides it for everything that request or event causes (a context variable, so concurrent
requests never see each other's time). Without the setting the override is never installed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
TEST_NOW_HEADER = "X-Test-Now"

_override: ContextVar[dt.datetime | None] = ContextVar("vip_test_now", default=None)


def now() -> dt.datetime:
    """Current time, aware, in Asia/Shanghai (or the active test-clock override)."""
    value = _override.get()
    if value is not None:
        return value.astimezone(SHANGHAI)
    return dt.datetime.now(SHANGHAI)


def today() -> dt.date:
    """Today's local date in Asia/Shanghai."""
    return now().date()


def override_value() -> dt.datetime | None:
    """The active test-clock override, if any (to propagate on calls and events)."""
    return _override.get()


def parse_test_now(raw: str) -> dt.datetime:
    """Parse an ``X-Test-Now`` value: ISO-8601 with an offset. Raises ``ValueError``."""
    value = dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("X-Test-Now needs an offset, e.g. 2026-09-28T10:00:00+08:00")
    return value


@contextlib.contextmanager
def frozen(at: dt.datetime | None) -> Iterator[None]:
    """Run a block with the clock fixed at ``at`` (no-op for ``None``)."""
    if at is None:
        yield
        return
    if at.tzinfo is None:
        raise ValueError("frozen() needs an aware datetime")
    token = _override.set(at)
    try:
        yield
    finally:
        _override.reset(token)


def set_override(at: dt.datetime | None) -> object:
    """Install an override for the current context; returns a token for ``reset_override``."""
    return _override.set(at)


def reset_override(token: object) -> None:
    _override.reset(token)  # type: ignore[arg-type]


def local_datetime(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """An aware Asia/Shanghai datetime at the given local wall-clock time."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI)
