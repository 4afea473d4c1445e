"""Revisit service: app factory and lifespan.

Run: ``uvicorn services.revisit.main:create_app --factory --port 8004``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.revisit import api, consumers, jobs
from services.revisit.settings import RevisitSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "revisit"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: RevisitSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or RevisitSettings()
    common = common or CommonSettings()
    spec = ServiceSpec(
        name=NAME,
        title="Revisit service",
        description="The electronic revisit (电子化回访) after every new policy, with its H5 questionnaire.",
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
    run_migrations(MIGRATIONS_DIR, database_url or RevisitSettings().database_url)


if __name__ == "__main__":
    migrate()
