"""Entitlements service: app factory and lifespan.

Run: ``uvicorn services.entitlements.main:create_app --factory --port 8002``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.entitlements import api, consumers, jobs
from services.entitlements.settings import EntitlementsSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "entitlements"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: EntitlementsSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or EntitlementsSettings()
    common = common or CommonSettings()
    spec = ServiceSpec(
        name=NAME,
        title="Entitlements service",
        description="Benefit catalogs, quotas per period, reservations and the usage ledger, designated relatives.",
        database_url=settings.database_url,
        settings=common,
        routers=[api.router],
        consumers=consumers.consumer_specs(),
        jobs=jobs.daily_jobs(),
        topics=[],
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
    )
    app = create_service_app(spec)
    app.state.settings = settings
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or EntitlementsSettings().database_url)


if __name__ == "__main__":
    migrate()
