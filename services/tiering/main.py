"""Tiering service: app factory and lifespan.

Run: ``uvicorn services.tiering.main:create_app --factory --port 8001``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from contracts import services as registry
from services.tiering import api, consumers, jobs, openapi_docs
from services.tiering.context import TieringContext
from services.tiering.programs import load_program
from services.tiering.settings import TieringSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "tiering"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: TieringSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or TieringSettings()
    common = common or CommonSettings()
    # validated at start-up: a bad program file stops the service with the bad key's name
    program = load_program(common.program, Path(settings.programs_dir) if settings.programs_dir else None)
    ctx = TieringContext(settings=settings, common=common, program=program)
    spec = ServiceSpec(
        name=NAME,
        title="Tiering service",
        description="Policy intake and VIP tier rating (stars, levels, cards programs).",
        database_url=settings.database_url,
        settings=common,
        operation_docs=openapi_docs.DOCS,
        routers=[api.router],
        consumers=consumers.consumer_specs(program),
        jobs=jobs.daily_jobs(ctx),
        topics=list(registry.service(NAME).publishes),
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
        on_startup=[ctx.start],
    )
    app = create_service_app(spec)
    app.state.tiering = ctx  # what deps.py and the tests read
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or TieringSettings().database_url)


if __name__ == "__main__":
    migrate()
