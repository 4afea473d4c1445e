"""Notifier service: app factory and lifespan.

Run: ``uvicorn services.notifier.main:create_app --factory --port 8005``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from contracts import services as registry
from services.notifier import api, consumers, jobs, metrics, openapi_docs
from services.notifier.context import NotifierContext
from services.notifier.settings import NotifierSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "notifier"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_app(settings: NotifierSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or NotifierSettings()
    common = common or CommonSettings()
    settings.check_secrets(common.env)

    ctx = NotifierContext(settings=settings, common=common)
    delivery = jobs.job_kinds(lambda: ctx.database, settings, lambda: ctx.adapters)

    spec = ServiceSpec(
        name=NAME,
        title="Notifier service",
        description="Delivers customer notifications (SMS, WeChat) and keeps every attempt.",
        database_url=settings.database_url,
        settings=common,
        operation_docs=openapi_docs.DOCS,
        routers=[api.router],
        consumers=consumers.consumer_specs(),
        jobs=jobs.daily_jobs(),
        job_kinds=delivery if settings.worker_enabled else {},
        job_options=jobs.runner_options(settings),
        retention=jobs.retention_rules(settings),
        metrics_probes=[metrics.probe],
        topics=list(registry.service(NAME).publishes),
        on_startup=[ctx.start],
        on_shutdown=[ctx.stop],
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
    )
    app = create_service_app(spec)
    app.state.notifier = ctx  # what the tests read
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or NotifierSettings().database_url)


if __name__ == "__main__":
    migrate()
