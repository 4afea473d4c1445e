"""The one wake/poll/backoff loop of the codebase (issue 12).

``PollLoop`` runs a round (``step``: returns how much it did) until stopped:

- work found → the next round at once (drain a backlog without waiting);
- nothing found → wait for ``wake()`` (a commit that added work) or ``idle_seconds``;
- the round raised → ``on_error`` is told, then a growing pause (``error_initial_seconds``
  doubling up to ``error_cap_seconds``) that a wake does not cut short (a commit per request must
  not turn an outage into a hot loop); the first round that succeeds resets it.

The outbox relay (``vipkit.relay``) and the durable-job runner (``vipkit.durable``) both run on it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

Step = Callable[[], Awaitable[int]]
ErrorHook = Callable[[Exception, float], Awaitable[None]]


class PollLoop:
    def __init__(
        self,
        step: Step,
        *,
        idle_seconds: float,
        error_initial_seconds: float,
        error_cap_seconds: float = 5.0,
        on_error: ErrorHook | None = None,
    ) -> None:
        self.step = step
        self.idle_seconds = idle_seconds
        self.error_initial_seconds = error_initial_seconds
        self.error_cap_seconds = error_cap_seconds
        self.on_error = on_error
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    async def run(self) -> None:
        """Run rounds until stopped; a failing round is never fatal."""
        pause = self.error_initial_seconds
        while not self.stopped:
            self._wake.clear()  # a wake during the round (a commit) makes the next one start at once
            try:
                count = await self.step()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self.on_error is not None:
                    await self.on_error(exc, pause)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), pause)
                pause = min(pause * 2, self.error_cap_seconds)
                continue
            pause = self.error_initial_seconds
            if count == 0 and not self.stopped:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.idle_seconds)
