"""Fixtures for the revisit service tests: a migrated database per test, the app, its consumer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from services.revisit.consumers import consumer_specs
from services.revisit.main import MIGRATIONS_DIR, create_app
from services.revisit.settings import RevisitSettings
from vipkit.consumer import ConsumerRunner
from vipkit.db import Database
from vipkit.settings import CommonSettings
from vipkit.testing import DatabaseFactory, app_client


@dataclass
class RevisitHarness:
    client: httpx.AsyncClient
    db: Database
    runner: ConsumerRunner
    settings: RevisitSettings


@pytest.fixture
def offline_settings() -> CommonSettings:
    """Broker-less settings (relay and consumers off): the handler is driven directly."""
    from vipkit.testing import TEST_JWT_SECRET

    return CommonSettings(env="test", jwt_secret=TEST_JWT_SECRET, test_clock=True, scheduler="off", kafka_enabled=False)


@pytest.fixture
async def harness(
    db_kind: str, db_factory: DatabaseFactory, offline_settings: CommonSettings
) -> AsyncIterator[RevisitHarness]:
    url = db_factory.create(db_kind, MIGRATIONS_DIR)
    settings = RevisitSettings(database_url=url, min_answer_seconds=60, public_base_url="http://127.0.0.1:8000")
    app = create_app(settings, offline_settings)
    async with app_client(app) as client:
        db: Database = app.state.db
        runner = ConsumerRunner(consumer_specs(settings)[0], db, offline_settings, service="revisit")
        yield RevisitHarness(client, db, runner, settings)
    db_factory.drop(url)
