"""Pessimistic disconnect handling without a ping per checkout (``vipkit.db_ping``), on PostgreSQL:
a connection idle past the window is pinged and replaced when dead; one used a moment ago is handed
out unpinged; the cost of that window is one failed statement, after which the pool is fresh."""

from __future__ import annotations

import asyncio

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.foundation.probe import app as probe
from vipkit.db import Database
from vipkit.db_ping import PING_AFTER_IDLE_SECONDS


@pytest.fixture
async def pg_db(postgres_only, db_factory):
    database = Database(db_factory.create(postgres_only, probe.MIGRATIONS_DIR), pool_size=1, max_overflow=0)
    yield database
    await database.dispose()


@pytest.fixture
def pings(monkeypatch) -> list[int]:
    """Every ping the pool sends (the real ping runs: this only counts)."""
    sent: list[int] = []
    real = AsyncAdapt_asyncpg_connection.ping

    def counting(self):  # type: ignore[no-untyped-def]
        sent.append(1)
        return real(self)

    monkeypatch.setattr(AsyncAdapt_asyncpg_connection, "ping", counting)
    return sent


async def backend_pid(database: Database) -> int:
    async with database.transaction() as session:
        return int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())


def terminate(database: Database, pid: int) -> None:
    admin = make_url(database.url).set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)


async def test_a_connection_used_a_moment_ago_is_handed_out_without_a_ping(pg_db: Database, pings: list[int]) -> None:
    first = await backend_pid(pg_db)
    for _ in range(20):
        assert await backend_pid(pg_db) == first
    assert pings == []  # pool_pre_ping would have sent 20 (each BEGIN; ; ROLLBACK)


async def test_a_dead_connection_idle_past_the_window_is_replaced_before_use(pg_db: Database, pings: list[int]) -> None:
    first = await backend_pid(pg_db)
    terminate(pg_db, first)
    await asyncio.sleep(PING_AFTER_IDLE_SECONDS + 0.2)
    second = await backend_pid(pg_db)  # no error: the ping found it dead and the pool opened another
    assert second != first
    assert len(pings) == 1


async def test_a_dead_connection_inside_the_window_fails_once_and_the_pool_recovers(
    pg_db: Database, pings: list[int]
) -> None:
    first = await backend_pid(pg_db)
    terminate(pg_db, first)
    with pytest.raises(DBAPIError) as failed:
        await backend_pid(pg_db)
    assert failed.value.connection_invalidated  # a disconnect: answered 503 / retried by the callers
    assert await backend_pid(pg_db) != first
    assert pings == []
