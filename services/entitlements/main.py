"""Entitlements service: app factory and lifespan.

Run: ``uvicorn services.entitlements.main:create_app --factory --port 8002``.
The active program's catalog (``VIP_PROGRAM``) is loaded and validated here: a bad catalog stops the
start with an error naming the file and the bad key.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from contracts import services as registry
from services.entitlements import api, consumers, jobs, openapi_docs
from services.entitlements.catalog import load_catalog
from services.entitlements.context import EntitlementsContext
from services.entitlements.settings import EntitlementsSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "entitlements"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: EntitlementsSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or EntitlementsSettings()
    common = common or CommonSettings()
    catalog = load_catalog(common.program, settings.catalog_dir)
    ctx = EntitlementsContext(settings=settings, common=common, catalog=catalog)
    orphans = jobs.OrphanWatch(ctx)

    spec = ServiceSpec(
        name=NAME,
        title="Entitlements service",
        description="Benefit catalogs, quotas per period, reservations and the usage ledger, designated relatives.",
        database_url=settings.database_url,
        settings=common,
        operation_docs=openapi_docs.DOCS,
        routers=[api.router],
        consumers=consumers.consumer_specs(catalog),
        jobs=jobs.daily_jobs(ctx),
        job_kinds=orphans.job_kinds(),
        topics=list(registry.service(NAME).publishes),
        on_startup=[ctx.start],
        on_shutdown=[orphans.stop, ctx.stop],
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
    )
    app = create_service_app(spec)
    app.state.entitlements = ctx  # what deps.py and the tests read
    app.state.orphan_watch = orphans
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or EntitlementsSettings().database_url)


if __name__ == "__main__":
    migrate()
