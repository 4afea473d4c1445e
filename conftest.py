"""Fixtures for every test in the repository (services, gateway, e2e)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

from vipkit.db import Database
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory, in_ci, postgres_admin_url

os.environ.setdefault("VIP_ENV", "test")


def pytest_report_header(config: pytest.Config) -> list[str]:
    pg = postgres_admin_url()
    return [f"postgresql tests: {'ON (' + pg.split('@')[-1] + ')' if pg else 'SKIPPED (no server found)'}"]


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """A real Kafka-protocol broker: VIP_TEST_KAFKA_BOOTSTRAP, or a tansu started for the session."""
    external = os.environ.get("VIP_TEST_KAFKA_BOOTSTRAP")
    if external:
        yield external
        return
    from vipkit.broker import LocalBroker

    broker = LocalBroker().start()
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def db_factory() -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory()
    try:
        yield factory
    finally:
        factory.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_kind(request: pytest.FixtureRequest, db_factory: DatabaseFactory) -> str:
    """Run the test on SQLite and on PostgreSQL (skipped with a reason when no server, failed in CI)."""
    kind: str = request.param
    if kind == "postgresql" and not db_factory.pg_url:
        if in_ci():
            pytest.fail("CI=true but no PostgreSQL answers on 127.0.0.1:5432 and VIP_TEST_POSTGRES_URL is unset")
        pytest.skip("PostgreSQL not available (set VIP_TEST_POSTGRES_URL or start one on 127.0.0.1:5432)")
    return kind


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    """The migrated database of ``db_url`` (each service's tests define ``db_url`` for their migrations)."""
    database = Database(db_url)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def postgres_only(db_factory: DatabaseFactory) -> str:
    """For tests that need PostgreSQL itself (row locks, SKIP LOCKED): 'postgresql', or skip/fail."""
    if not db_factory.pg_url:
        if in_ci():
            pytest.fail("CI=true but no PostgreSQL is available")
        pytest.skip("PostgreSQL not available")
    return "postgresql"


@pytest.fixture
def common_settings(kafka_bootstrap: str) -> CommonSettings:
    """Settings for a service under test: real broker, test clock on, scheduler off."""
    return CommonSettings(
        env="test",
        kafka_bootstrap=kafka_bootstrap,
        jwt_secret=TEST_JWT_SECRET,
        test_clock=True,
        scheduler="off",
        kafka_fetch_max_wait_ms=20,
        relay_poll_ms=20,
    )
