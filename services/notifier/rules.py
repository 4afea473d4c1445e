"""Notifier pure domain rules: plain values in, decisions out, no I/O."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetryDecision:
    """What happens to a notification after a failed attempt."""

    status: str  # queued (retry later) | failed (give up)
    delay_seconds: float | None  # wait before the next attempt; None when failed


def backoff_delay(failed_attempts: int, *, base_seconds: float, max_seconds: float) -> float:
    """Exponential backoff: ``base * 2**(n-1)`` after the n-th failure, capped (2, 4, 8, 16 s ... for base 2)."""
    if failed_attempts < 1:
        raise ValueError("failed_attempts starts at 1")
    return float(min(max_seconds, base_seconds * 2 ** (failed_attempts - 1)))


def after_failure(
    attempts_made: int,
    *,
    max_attempts: int,
    base_seconds: float,
    max_seconds: float,
    permanent: bool = False,
    trying_for_seconds: float = 0.0,
    retry_for_seconds: float | None = None,
) -> RetryDecision:
    """Retry with backoff while attempts remain and the retry window is open (issue 12: at least
    24 h, so a provider outage never drops a message); a permanent error (no recipient) fails at once."""
    if permanent or attempts_made >= max_attempts:
        return RetryDecision("failed", None)
    if retry_for_seconds is not None and trying_for_seconds >= retry_for_seconds:
        return RetryDecision("failed", None)
    return RetryDecision("queued", backoff_delay(attempts_made, base_seconds=base_seconds, max_seconds=max_seconds))
