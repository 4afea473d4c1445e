"""Revisit service: app factory and lifespan.

Run: ``uvicorn services.revisit.main:create_app --factory --port 8004``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from contracts import services as registry
from services.revisit import api, consumers, jobs, openapi_docs
from services.revisit.context import RevisitContext
from services.revisit.settings import RevisitSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "revisit"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: RevisitSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or RevisitSettings()
    common = common or CommonSettings()
    ctx = RevisitContext(settings=settings, common=common)
    spec = ServiceSpec(
        name=NAME,
        title="Revisit service",
        description="The electronic revisit (电子化回访) after every new policy, with its H5 questionnaire.",
        database_url=settings.database_url,
        settings=common,
        operation_docs=openapi_docs.DOCS,
        routers=[api.router, api.public_router, api.page_router],
        consumers=consumers.consumer_specs(settings),
        jobs=jobs.daily_jobs(ctx),
        topics=list(registry.service(NAME).publishes),
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
        on_startup=[ctx.start],
    )
    app = create_service_app(spec)
    app.state.revisit = ctx  # what deps.py and the tests read
    app.mount("/r/static", StaticFiles(directory=STATIC_DIR), name="revisit-static")
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or RevisitSettings().database_url)


if __name__ == "__main__":
    migrate()
