"""Issue 13 items 3 and 8: readiness gates on the database and its migrations only; every service
refuses request bodies over ``VIP_REQUEST_MAX_BODY_BYTES`` (1 MiB by default) with 413 problem+json."""

from __future__ import annotations

from collections.abc import AsyncIterator

from sqlalchemy import text

from tests.foundation.probe import app as probe
from vipkit.broker import free_port
from vipkit.db import Database
from vipkit.testing import app_client

MIB = 1024 * 1024


async def test_service_body_limit_by_content_length_and_when_streamed(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False, "request_max_body_bytes": 1000})
    async with app_client(probe.create_app(url, settings)) as client:
        refused = await client.post("/notes", content=b"x" * 1001, headers={"content-type": "application/json"})
        assert refused.status_code == 413
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "payload_too_large"

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(4):
                yield b"y" * 400

        streamed = await client.post("/notes", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and streamed.json()["code"] == "payload_too_large"
        small = await client.post("/notes", json={"customer_id": "C1", "text": "hi"})
        assert small.status_code != 413


async def test_default_limit_is_one_mib(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    assert settings.request_max_body_bytes == MIB
    async with app_client(probe.create_app(url, settings)) as client:
        big = await client.post("/notes", content=b"x" * (MIB + 1), headers={"content-type": "application/json"})
        assert big.status_code == 413
        unmatched = await client.post("/nowhere", content=b"x" * (64 * MIB))  # refused before routing
        assert unmatched.status_code == 413


async def test_readiness_ignores_the_broker_but_needs_migrations_at_head(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{free_port()}"})
    async with app_client(probe.create_app(url, settings)) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["broker"] == "unreachable" and ready.json()["checks"]["migrations"] == "ok"
    # a database behind this code's migrations: not ready (the migration Job has not run yet)
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '0000_nothing'"))
    await db.dispose()
    fresh = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    db = Database(fresh)
    async with db.engine.begin() as conn:
        await conn.execute(text("DELETE FROM alembic_version"))
    await db.dispose()
    async with app_client(probe.create_app(fresh, settings)) as client:
        behind = await client.get("/readyz")
        assert behind.status_code == 503 and behind.json()["checks"]["migrations"].startswith("pending")
        assert (await client.get("/healthz")).status_code == 200  # alive all the same
    # a database ahead of this code (a newer release migrated it): ready, old replicas keep serving
    async with app_client(probe.create_app(url, settings)) as client:
        assert (await client.get("/readyz")).status_code == 200
