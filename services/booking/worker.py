"""Booking's background worker: delivers due partner webhooks, sweeps stranded reservations and
compares its units with entitlements' reservations (``reconcile.py``).
Woken by the use cases after a commit; polls otherwise. (Ledger effects are durable jobs: ledger.py.)"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time

import httpx

from services.booking import webhooks_out
from services.booking.attempts import sweep_attempts
from services.booking.context import BookingContext
from services.booking.reconcile import compare_reservations

log = logging.getLogger("booking.worker")


class BackgroundWorker:
    """Delivers due webhooks and sweeps stranded reservations."""

    def __init__(self, ctx: BookingContext, *, client: httpx.AsyncClient | None = None) -> None:
        self.ctx = ctx
        self.settings = ctx.settings
        self.client = client or httpx.AsyncClient(timeout=ctx.settings.webhook_timeout_seconds)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_sweep = 0.0
        self._last_comparison = time.monotonic()  # the first comparison one interval after the start

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="booking-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.client.aclose()

    async def _loop(self) -> None:
        while True:
            try:
                busy = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("booking worker iteration failed")
                busy = 0
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.worker_poll_seconds)
                self._wake.clear()

    async def run_once(self, now: dt.datetime | None = None, *, sweep: bool | None = None) -> int:
        """One pass (tests drive it with ``now``): returns how much work was done."""
        done = await self.deliver_due(now)
        monotonic = time.monotonic()
        if sweep or (sweep is None and monotonic - self._last_sweep >= self.settings.sweeper_interval_seconds):
            self._last_sweep = monotonic
            await sweep_attempts(self.ctx, now)
        if monotonic - self._last_comparison >= self.settings.reconcile_interval_seconds:
            self._last_comparison = monotonic
            await compare_reservations(self.ctx)
        return done

    async def deliver_due(self, now: dt.datetime | None = None) -> int:
        return await webhooks_out.deliver_due(self.ctx, self.client, now)
