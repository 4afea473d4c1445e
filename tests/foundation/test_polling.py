"""vipkit.polling: the one wake/poll/backoff loop (the relay and the job runner run on it)."""

from __future__ import annotations

import asyncio
import itertools
import time

from vipkit.polling import PollLoop
from vipkit.testing import wait_for


async def test_work_is_drained_at_once_and_an_idle_loop_waits_for_a_wake():
    backlog = [3]
    rounds: list[float] = []

    async def step() -> int:
        rounds.append(time.monotonic())
        if backlog[0]:
            backlog[0] -= 1
            return 1
        return 0

    loop = PollLoop(step, idle_seconds=30, error_initial_seconds=1)
    task = asyncio.create_task(loop.run())
    await wait_for(lambda: len(rounds) >= 4, timeout=5, what="the backlog drained")
    await asyncio.sleep(0.2)
    assert len(rounds) == 4  # three rounds with work, one empty; then it waits (idle 30 s)
    backlog[0] = 1
    loop.wake()
    await wait_for(lambda: len(rounds) >= 6, timeout=5, what="a round after the wake")
    loop.stop()
    await asyncio.wait_for(task, 5)


async def test_a_failing_round_backs_off_doubling_to_the_cap_and_a_wake_does_not_cut_it_short():
    starts: list[float] = []
    pauses: list[float] = []

    async def step() -> int:
        starts.append(time.monotonic())
        if len(starts) <= 4:
            raise ConnectionError("database away")
        return 0

    async def on_error(exc: Exception, retry_in: float) -> None:
        assert isinstance(exc, ConnectionError)
        pauses.append(retry_in)
        loop.wake()  # a commit meanwhile must not turn the outage into a hot loop

    loop = PollLoop(step, idle_seconds=30, error_initial_seconds=0.05, error_cap_seconds=0.15, on_error=on_error)
    task = asyncio.create_task(loop.run())
    await wait_for(lambda: len(starts) >= 5, timeout=5, what="recovery after four failures")
    assert pauses == [0.05, 0.1, 0.15, 0.15]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert all(gap >= pause * 0.9 for gap, pause in zip(gaps, pauses, strict=False))
    loop.stop()
    await asyncio.wait_for(task, 5)


async def test_stop_ends_an_error_pause_at_once():
    async def step() -> int:
        raise ConnectionError("down")

    loop = PollLoop(step, idle_seconds=30, error_initial_seconds=60)
    task = asyncio.create_task(loop.run())
    await asyncio.sleep(0.05)
    started = time.monotonic()
    loop.stop()
    await asyncio.wait_for(task, 5)
    assert time.monotonic() - started < 1
