"""Database plumbing: engines, the request-owned transaction, migrations, insert-or-ignore.

SQLite (file under ./var by default) and PostgreSQL are both first-class. The request's session
owns the transaction: ``get_session`` commits on success and rolls back on error; repositories
and services only ``add``/``flush``. Migrations run with a synchronous driver (pysqlite/psycopg)
so they work the same from the CLI, from tests and at start-up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import operator
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import CursorResult, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.sql import Insert
from sqlalchemy.types import TypeDecorator

from vipkit.db_ping import ping_idle_connections
from vipkit.tracing import instrument_engine

log = logging.getLogger("vipkit.db")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes on both dialects: stored as UTC, returned aware (SQLite drops tzinfo)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to UtcDateTime")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


AutoId = BigInteger().with_variant(Integer(), "sqlite")

# --- plumbing tables: present in every service's database, created by its first migration ------
plumbing_metadata = MetaData(naming_convention=NAMING_CONVENTION)

outbox_table = Table(
    "outbox",
    plumbing_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("topic", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("published_at", UtcDateTime, nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    Column("parked_at", UtcDateTime, nullable=True),  # vipkit.plumbing: the relay gave up on this row
)
Index("ix_outbox_pending", outbox_table.c.published_at, outbox_table.c.id)

inbox_table = Table(
    "inbox",
    plumbing_metadata,
    Column("consumer", String(100), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("topic", String(200), nullable=False),
    Column("processed_at", UtcDateTime, nullable=False),
)

job_runs_table = Table(
    "job_runs",
    plumbing_metadata,
    Column("job", String(100), primary_key=True),
    Column("occurrence", String(64), primary_key=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime, nullable=True),
    Column("result", Text, nullable=True),
    Column("attempts", Integer, nullable=False, default=1),  # vipkit.plumbing: re-claims after failure
    Column("lease_until", UtcDateTime, nullable=True),
)


# --- URLs and engines ---------------------------------------------------------------------------
def async_url(url: str) -> str:
    """Normalize a database URL to its async driver (aiosqlite / asyncpg)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return str(u.set(drivername="sqlite+aiosqlite"))
    if u.get_backend_name() == "postgresql":
        return u.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database URL {url!r} (use sqlite:/// or postgresql://)")


def sync_url(url: str) -> str:
    """Normalize a database URL to its sync driver (pysqlite / psycopg), for migrations and bulk tools."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return str(u.set(drivername="sqlite"))
    if u.get_backend_name() == "postgresql":
        return u.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database URL {url!r}")


def is_postgres(url_or_engine: str | AsyncEngine | AsyncSession) -> bool:
    if isinstance(url_or_engine, AsyncSession):
        bind = url_or_engine.get_bind()
        return bind.dialect.name == "postgresql"
    if isinstance(url_or_engine, AsyncEngine):
        return url_or_engine.dialect.name == "postgresql"
    return make_url(url_or_engine).get_backend_name() == "postgresql"


def _sqlite_setup(sync_engine: Any) -> None:
    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # let us issue BEGIN ourselves (BEGIN IMMEDIATE avoids lock-upgrade deadlocks)
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _ensure_sqlite_dir(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def make_async_engine(
    url: str, *, pool_size: int = 10, max_overflow: int | None = None, echo: bool = False
) -> AsyncEngine:
    """An async engine; on PostgreSQL a pool of ``pool_size`` connections that may grow by
    ``max_overflow`` (default twice the pool) under load."""
    aurl = async_url(url)
    if make_url(aurl).get_backend_name() == "sqlite":
        _ensure_sqlite_dir(aurl)
        engine = create_async_engine(aurl, echo=echo, connect_args={"timeout": 30})
        _sqlite_setup(engine.sync_engine)
        return engine
    overflow = pool_size * 2 if max_overflow is None else max_overflow
    # pessimistic disconnect handling without a ping per checkout (vipkit.db_ping)
    return ping_idle_connections(create_async_engine(aurl, echo=echo, pool_size=pool_size, max_overflow=overflow))


class Database:
    """An engine with its session factory; one per service process."""

    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int | None = None) -> None:
        self.url = url
        self.engine = make_async_engine(url, pool_size=pool_size, max_overflow=max_overflow)
        self.sessionmaker: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False, autoflush=False
        )
        self.after_commit_hooks: list[Callable[[], None]] = []
        instrument_engine(self.engine)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def notify_committed(self, session: AsyncSession) -> None:
        """Tell listeners (the outbox relay, the durable-job runner) that new rows committed."""
        outbox = session.info.pop("outbox_pending", False)
        if session.info.pop("jobs_pending", False) or outbox:
            for hook in self.after_commit_hooks:
                hook()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction outside a request (jobs, workers, consumers): commit on success, roll back
        on error, then wake the outbox relay if it added events."""
        async with self.sessionmaker() as session:
            async with session.begin():
                yield session
            self.notify_committed(session)

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """FastAPI dependency: the request's session owns the transaction (commit on success)."""
    db: Database = request.app.state.db
    async with db.sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
    db.notify_committed(session)


# scope="function": the commit runs when the endpoint returns, BEFORE the response is sent, so a
# client that got 2xx can read its write at once and a failing commit becomes an error response
# (the default "request" scope would commit after the response has gone out).
DbSession = Annotated[AsyncSession, Depends(get_session, scope="function")]


def rowcount(result: Any) -> int:
    """Rows an UPDATE/DELETE statement matched (``CursorResult.rowcount``)."""
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def upsert_insert(session: AsyncSession, table: Table) -> Any:
    """The session's dialect's ``INSERT`` of ``table``, with ``on_conflict_do_nothing`` /
    ``on_conflict_do_update`` (PostgreSQL's or SQLite's; only that dialect's module is imported)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


async def insert_ignore(session: AsyncSession, table: Table, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when the row was inserted (no check-then-insert)."""
    stmt: Insert = upsert_insert(session, table).values(**values).on_conflict_do_nothing()
    result = await session.execute(stmt)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def advisory_xact_lock(session: AsyncSession, key: str) -> None:
    """Serialize transactions on ``key`` until this one ends (PostgreSQL advisory lock; SQLite's
    ``BEGIN IMMEDIATE`` already serializes writers). For check-then-write sequences that no unique
    key can guard, e.g. "is this the holder's first policy?"."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


async def advisory_bucket_locks(session: AsyncSession, namespace: str, keys: Sequence[str], *, buckets: int) -> None:
    """``advisory_xact_lock`` for many keys hashed into at most ``buckets`` locks, taken in order (one
    statement: unnest yields them in array order): a batch holds few locks and two never deadlock."""
    import zlib

    names = [f"{namespace}:{bucket}" for bucket in sorted({zlib.crc32(k.encode()) % buckets for k in keys})]
    if session.get_bind().dialect.name == "postgresql" and names:
        lock = "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(CAST(:keys AS text[])) AS k"
        await session.execute(text(lock), {"keys": names})


# --- migrations -----------------------------------------------------------------------------------
def run_migrations(migrations_dir: str | Path, url: str, revision: str = "head") -> None:
    """Upgrade the database at ``url`` with the Alembic scripts in ``migrations_dir``."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    if make_url(url).get_backend_name() == "sqlite":
        _ensure_sqlite_dir(url)
    command.upgrade(cfg, revision)


def run_alembic_env(target_metadata: MetaData | None = None) -> None:
    """Body of every service's ``migrations/env.py`` (online mode, sync driver)."""
    from alembic import context

    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url not set"
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def create_plumbing_tables(op: Any) -> None:
    """Create outbox, inbox and job_runs in a service's first migration (frozen here, not live metadata)."""
    import sqlalchemy as sa

    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "outbox",
        sa.Column("id", big_id, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_id"),
    )
    op.create_index("ix_outbox_pending", "outbox", ["published_at", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_outbox_unpublished ON outbox (key, id) WHERE published_at IS NULL")
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(100), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "job_runs",
        sa.Column("job", sa.String(100), primary_key=True),
        sa.Column("occurrence", sa.String(64), primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result", sa.Text, nullable=True),
    )


def drop_plumbing_tables(op: Any) -> None:
    for table in ("job_runs", "inbox", "outbox"):
        op.drop_table(table)


# --- bulk writes ----------------------------------------------------------------------------------
COPY_MIN_ROWS = 50  # below this a plain executemany costs less than opening a COPY


async def copy_rows(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in the session's transaction: PostgreSQL ``COPY`` (asyncpg
    ``copy_records_to_table`` on the session's own connection), an executemany elsewhere or when
    there are few rows. Every row has the same keys; values go to the driver as they are (aware
    datetimes, ``Decimal``), so columns with Python-side defaults must be given."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql" or len(rows) < COPY_MIN_ROWS:
        await session.execute(table.insert(), rows)
        return
    conn = await session.connection()
    # the asyncpg adapter begins its transaction on the first statement: make sure that happened,
    # or the COPY would run (and commit) on its own
    await conn.execute(text("SELECT 1"))
    columns = list(rows[0])
    driver: Any = (await conn.get_raw_connection()).driver_connection
    get = operator.itemgetter(*columns)  # a tuple per row (one column: wrapped)
    await driver.copy_records_to_table(
        table.name, records=[get(r) if len(columns) > 1 else (get(r),) for r in rows], columns=columns
    )


async def applied_revisions(db: Database) -> set[str]:
    """The revisions recorded in ``alembic_version`` (empty when never migrated)."""
    async with db.engine.connect() as conn:
        try:
            rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
        except Exception:
            return set()
        return {str(row[0]) for row in rows}
