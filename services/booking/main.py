"""Booking service: app factory and lifespan.

Run: ``uvicorn services.booking.main:create_app --factory --port 8003``.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi import FastAPI

from contracts import services as registry
from services.booking import api, api_calendar, consumers, jobs, metrics, openapi_docs
from services.booking.context import BookingContext
from services.booking.entitlements import EntitlementsClient
from services.booking.settings import BookingSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.http import tls_context
from vipkit.settings import CommonSettings

NAME = "booking"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: BookingSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or BookingSettings()
    common = common or CommonSettings()
    ctx = BookingContext(settings=settings, common=common)

    async def start_context(app: FastAPI) -> None:
        await ctx.start(app)
        ctx.entitlements = EntitlementsClient(
            settings.entitlements_url,
            common,
            cache_seconds=settings.catalog_cache_seconds,
            timeout=settings.entitlements_timeout_seconds,
        )
        ctx.webhooks = httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, verify=tls_context())

    async def stop_context(app: FastAPI) -> None:
        if ctx.webhooks is not None:
            await ctx.webhooks.aclose()
        if ctx.entitlements is not None:
            await ctx.entitlements.aclose()

    spec = ServiceSpec(
        name=NAME,
        title="Booking service",
        description="Partner clinics, working-day calendar, appointments and partner webhooks.",
        database_url=settings.database_url,
        settings=common,
        operation_docs=openapi_docs.DOCS,
        routers=[api.router, api_calendar.router],
        consumers=consumers.consumer_specs(),
        jobs=jobs.daily_jobs(ctx),
        retention=jobs.retention_rules(settings),
        metrics_probes=[metrics.probe],
        job_kinds=jobs.job_kinds(ctx),
        topics=list(registry.service(NAME).publishes),
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
        on_startup=[start_context],
        on_shutdown=[stop_context],
    )
    app = create_service_app(spec)
    app.state.booking = ctx  # what deps.py and the tests read
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or BookingSettings().database_url)


if __name__ == "__main__":
    migrate()
