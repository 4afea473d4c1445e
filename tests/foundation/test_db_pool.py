"""Connection pools are bounded by the settings (``VIP_DB_POOL_SIZE`` + ``VIP_DB_MAX_OVERFLOW``), and a
local cluster keeps its services within a budget of one PostgreSQL server (docs/production.md)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from tests.foundation.probe import app as probe
from vipkit.db import Database
from vipkit.devrun import CLUSTER_DB_CONNECTIONS, SERVICES, Cluster
from vipkit.testing import app_client


async def test_a_service_holds_at_most_pool_plus_overflow_connections(postgres_only, db_factory, common_settings):
    url = db_factory.create(postgres_only, probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"db_pool_size": 2, "db_max_overflow": 1})
    app = probe.create_app(url, settings)
    async with app_client(app), contextlib.AsyncExitStack() as held:
        db: Database = app.state.db
        assert db.engine.pool.size() == 2
        for _ in range(3):
            await held.enter_async_context(db.engine.connect())
        with pytest.raises(TimeoutError):  # a fourth waits for one of the three
            await asyncio.wait_for(db.engine.connect().__aenter__(), 0.5)


@pytest.mark.parametrize("replicas", [1, 2])
def test_a_local_cluster_stays_within_its_connection_budget(replicas: int, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("VIP_DB_POOL_SIZE", raising=False)
    monkeypatch.delenv("VIP_DB_MAX_OVERFLOW", raising=False)
    env = Cluster(var_dir=tmp_path, replicas=replicas).process_env()
    per_process = int(env["VIP_DB_POOL_SIZE"]) + int(env["VIP_DB_MAX_OVERFLOW"])
    assert int(env["VIP_DB_POOL_SIZE"]) >= 2
    assert per_process * len(SERVICES) * replicas <= CLUSTER_DB_CONNECTIONS


def test_exported_pool_settings_win(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VIP_DB_POOL_SIZE", "7")
    env = Cluster(var_dir=tmp_path, env={"VIP_DB_MAX_OVERFLOW": "0"}).process_env()
    assert (env["VIP_DB_POOL_SIZE"], env["VIP_DB_MAX_OVERFLOW"]) == ("7", "0")
