"""Notifier service: app factory and lifespan.

Run: ``uvicorn services.notifier.main:create_app --factory --port 8005``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
from fastapi import FastAPI

from contracts import services as registry
from services.notifier import api, consumers, jobs, metrics, openapi_docs
from services.notifier.adapters import build_adapters
from services.notifier.settings import NotifierSettings
from vipkit.app import ServiceSpec, create_service_app
from vipkit.db import run_migrations
from vipkit.settings import CommonSettings

NAME = "notifier"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

log = logging.getLogger("notifier")


def create_app(settings: NotifierSettings | None = None, common: CommonSettings | None = None) -> FastAPI:
    settings = settings or NotifierSettings()
    common = common or CommonSettings()
    settings.check_secrets(common.env)

    async def start_worker(app: FastAPI) -> None:
        client = httpx.AsyncClient(timeout=settings.http_timeout_seconds)
        adapters = build_adapters(settings, client)
        app.state.http_client = client
        app.state.adapters = adapters
        worker = jobs.DeliveryWorker(app.state.db, settings, adapters)
        app.state.delivery_worker = worker
        if settings.worker_enabled:
            worker.start()
        log.info("delivery worker ready", extra={"adapters": {k: a.name for k, a in adapters.items()}})

    async def stop_worker(app: FastAPI) -> None:
        await app.state.delivery_worker.stop()
        await app.state.http_client.aclose()

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
        retention=jobs.retention_rules(settings),
        metrics_probes=[metrics.probe],
        topics=list(registry.service(NAME).publishes),
        on_startup=[start_worker],
        on_shutdown=[stop_worker],
        migrations_dir=str(MIGRATIONS_DIR),
        migrate_on_start=settings.migrate_on_start,
    )
    app = create_service_app(spec)
    app.state.settings = settings
    return app


def migrate(database_url: str | None = None) -> None:
    run_migrations(MIGRATIONS_DIR, database_url or NotifierSettings().database_url)


if __name__ == "__main__":
    migrate()
