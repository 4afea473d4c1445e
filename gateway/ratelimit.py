"""Token-bucket rate limits: per token subject, per client IP without a token (SPEC 7).

``MemoryRateLimiter`` keeps the buckets in the worker's memory (the default; with several workers
each enforces the limit on its own share). ``RedisRateLimiter`` keeps them in Redis
(``VIP_REDIS_URL``) with one atomic Lua script per request, timed by the Redis server clock, so every
worker and replica shares the same buckets. When Redis cannot be reached the request is let through
(and a warning logged): the gateway must not go down with its rate-limit store.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Protocol

log = logging.getLogger("gateway.ratelimit")


class RateLimiter(Protocol):
    async def hit(self, key: str, rate: float, burst: int) -> float:
        """Take one token; 0.0 when allowed, else the seconds until a token is available."""
        ...

    async def close(self) -> None: ...

    async def ping(self) -> bool: ...


class MemoryRateLimiter:
    def __init__(self, max_keys: int = 100_000) -> None:
        self._buckets: dict[str, list[float]] = {}
        self._max_keys = max_keys

    def take(self, key: str, rate: float, burst: int) -> float:
        now = time.monotonic()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max_keys:
                self._prune(now, rate, burst)
            self._buckets[key] = [burst - 1.0, now]
            return 0.0
        tokens = bucket[0] + (now - bucket[1]) * rate
        if tokens > burst:
            tokens = float(burst)
        bucket[1] = now
        if tokens >= 1.0:
            bucket[0] = tokens - 1.0
            return 0.0
        bucket[0] = tokens
        return (1.0 - tokens) / rate

    async def hit(self, key: str, rate: float, burst: int) -> float:
        return self.take(key, rate, burst)

    def _prune(self, now: float, rate: float, burst: int) -> None:
        """Drop buckets that have refilled (idle long enough): they behave like new ones."""
        idle = burst / rate
        stale = [k for k, (_, ts) in self._buckets.items() if now - ts >= idle]
        for k in stale:
            del self._buckets[k]
        if len(self._buckets) >= self._max_keys:  # still full: forget everything rather than grow
            self._buckets.clear()

    async def close(self) -> None:
        self._buckets.clear()

    async def ping(self) -> bool:
        return True


# KEYS[1] bucket; ARGV rate, burst. Returns {allowed (0|1), retry seconds as a string}.
TOKEN_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate)
end
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(retry)}
"""


class RedisRateLimiter:
    def __init__(self, url: str, prefix: str = "vip:gw:rl:") -> None:
        import redis.asyncio as redis

        self._client = redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=1.0)
        self._script = self._client.register_script(TOKEN_BUCKET_LUA)
        self._prefix = prefix
        self._last_warning = 0.0

    async def hit(self, key: str, rate: float, burst: int) -> float:
        try:
            allowed, retry = await self._script(keys=[self._prefix + key], args=[rate, burst])
        except Exception as exc:  # fail open, never take the gateway down
            now = time.monotonic()
            if now - self._last_warning > 10:
                self._last_warning = now
                log.warning("redis rate limiter unavailable; letting requests through", extra={"error": repr(exc)})
            return 0.0
        return 0.0 if int(allowed) == 1 else max(float(retry), 0.001)

    async def ping(self) -> bool:
        try:
            return bool(await self._client.ping())
        except Exception:
            return False

    async def close(self) -> None:
        await self._client.aclose()  # type: ignore[attr-defined]  # types-redis lags redis 5


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` in whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))
