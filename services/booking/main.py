"""Booking service: app factory and lifespan.

Run: ``uvicorn services.booking.main:create_app --factory --port 8003``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from services.booking import api, consumers, jobs
from services.booking.settings import BookingSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "booking"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: BookingSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or BookingSettings()
    common = common or CommonSettings()
    spec = ServiceSpec(
        name=NAME,
        title="Booking service",
        description="Partner clinics, working-day calendar, appointments and partner webhooks.",
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
    run_migrations(MIGRATIONS_DIR, database_url or BookingSettings().database_url)


if __name__ == "__main__":
    migrate()
