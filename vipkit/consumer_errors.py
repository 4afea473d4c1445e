"""How a consumer treats a failing message (issue 12): retry in place, or dead-letter.

- **transient** (database unavailable or restarting, connection lost, deadlock/serialization
  failure, timeouts, broker errors, a neighbour's HTTP API unreachable): retried in place with
  capped exponential backoff for as long as it takes, and the offset is not committed meanwhile —
  a database outage never sends a revisit task to the DLQ;
- **permanent** (unparseable JSON, a contract validation error — ``ValueError`` and pydantic's
  ``ValidationError`` —, ``PermanentMessageError``): dead-lettered at once;
- **unknown** (anything else, e.g. a bug): retried ``kafka_consumer_retries`` times, then
  dead-lettered, so one bad message cannot block its partition for ever; ops replay it once fixed.

Kept apart from the consumer loop so that single-message and batch consumption share it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from aiokafka.errors import KafkaError
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

log = logging.getLogger("vipkit.consumer")

T = TypeVar("T")
Verdict = Literal["transient", "permanent", "unknown"]

#: PostgreSQL SQLSTATE classes that pass by themselves: connection exception, transaction
#: rollback (deadlock, serialization), insufficient resources, operator intervention (shutdown,
#: cannot connect now); 55000: the database does not allow connections (maintenance).
_TRANSIENT_SQLSTATE_CLASSES = ("08", "40", "53", "57")
_TRANSIENT_SQLSTATES = ("55000", "55P03")


class PermanentMessageError(Exception):
    """A handler's way to say: this message can never be applied (dead-letter it now)."""


class ConsumerStopping(Exception):
    """The consumer was stopped while retrying; the message stays uncommitted for the next owner."""


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    for source in (orig, getattr(orig, "__cause__", None), exc):
        code = getattr(source, "sqlstate", None) or getattr(source, "pgcode", None)
        if isinstance(code, str):
            return code
    return None


def classify(exc: BaseException) -> Verdict:
    """Whether retrying the same message can succeed."""
    if isinstance(exc, PermanentMessageError):
        return "permanent"
    if isinstance(exc, (OperationalError, InterfaceError, DisconnectionError)):
        return "transient"
    if isinstance(exc, DBAPIError):
        code = _sqlstate(exc)
        if exc.connection_invalidated or (
            code is not None and (code[:2] in _TRANSIENT_SQLSTATE_CLASSES or code in _TRANSIENT_SQLSTATES)
        ):
            return "transient"
        return "unknown"
    if isinstance(exc, (TimeoutError, OSError, KafkaError)):
        return "transient"
    if type(exc).__module__.startswith(("httpx", "asyncpg")) or "Connection" in type(exc).__name__:
        return "transient"
    if isinstance(exc, ValueError):  # includes pydantic.ValidationError: the event breaks its contract
        return "permanent"
    return "unknown"


@dataclass(frozen=True)
class Outcome:
    """``result`` when applied, else the error to dead-letter with."""

    result: object | None
    error: str | None = None


async def apply_with_retries(
    apply: Callable[[], Awaitable[T]],
    *,
    unknown_attempts: int,
    backoff_cap_seconds: float,
    stopped: Callable[[], bool],
    context: dict[str, object],
) -> Outcome:
    """Run ``apply`` until it succeeds, fails permanently, or (unknown errors) runs out of attempts.

    Raises ``ConsumerStopping`` when the consumer stops during a transient retry."""
    attempt = 0
    unknown = 0
    while True:
        attempt += 1
        try:
            return Outcome(await apply())
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            verdict = classify(exc)
            error = f"{type(exc).__name__}: {exc}"
            log.warning(
                "handler failed",
                extra={**context, "attempt": attempt, "verdict": verdict, "error": error[:500]},
            )
            if verdict == "permanent":
                return Outcome(None, error)
            if verdict == "unknown":
                unknown += 1
                if unknown >= unknown_attempts:
                    return Outcome(None, error)
        if stopped():
            raise ConsumerStopping("stopped while retrying a message")
        await asyncio.sleep(min(0.05 * 2 ** min(attempt, 20), backoff_cap_seconds))
        if stopped():
            raise ConsumerStopping("stopped while retrying a message")
