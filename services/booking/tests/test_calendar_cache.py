"""The per-process working-day calendar (``calendar_repository.CalendarCache``): kept in memory, and
reloaded when any replica changes the calendar (the ``calendar_version`` row moves in the change's
transaction), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from services.booking import calendar_repository as repo
from services.booking.tests.conftest import OPS, Env, make_env, new_customer

MON_0928 = "2026-09-28T10:00:00+08:00"
AT = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
TYPHOON_DAY = "2026-10-12"


async def test_an_override_made_on_one_replica_closes_the_day_on_another_at_once(env: Env) -> None:
    assert (await env.book(new_customer(), TYPHOON_DAY, now=MON_0928)).status_code == 201  # replica A has it cached
    async for replica_b in make_env(env.db_url, env.standin):
        body = {"working": False, "name": "台风停工"}
        r = await replica_b.client.put(f"/api/v1/calendar/overrides/{TYPHOON_DAY}", json=body, headers=OPS)
        assert r.status_code == 200, r.text
        closed = await env.book(new_customer(), TYPHOON_DAY, now=MON_0928)
        assert closed.status_code == 422 and closed.json()["code"] == "clinic_closed", closed.text
        assert closed.json()["holiday"] == "台风停工"
        r = await replica_b.client.delete(f"/api/v1/calendar/overrides/{TYPHOON_DAY}", headers=OPS)
        assert r.status_code == 204
        assert (await env.book(new_customer(), TYPHOON_DAY, now=MON_0928)).status_code == 201


async def test_the_cache_reloads_only_after_a_change(env: Env) -> None:
    cache = repo.CalendarCache()
    async with env.db.transaction() as session:
        first = await cache.get(session)
        assert await cache.get(session) is first  # unchanged: the same calendar, only the version read
    day = dt.date(2026, 10, 12)
    changes = [
        lambda s: repo.upsert_override(s, day, False, "台风停工", "ops-1", AT),
        lambda s: repo.delete_override(s, day),
        lambda s: repo.replace_year(s, 2027, [(dt.date(2027, 1, 1), "元旦")], [], "通知", "ops-1", AT),
    ]
    seen = first
    for change in changes:
        async with env.db.transaction() as session:
            await change(session)
        async with env.db.transaction() as session:
            reloaded = await cache.get(session)
        assert reloaded is not seen
        seen = reloaded
    assert not seen.is_working_day(dt.date(2027, 1, 1)) and seen.is_working_day(day)
    async with env.db.transaction() as session:
        assert not await repo.delete_override(session, day)  # nothing removed: the version stays
    async with env.db.transaction() as session:
        assert await cache.get(session) is seen
