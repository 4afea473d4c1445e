"""What notifier's worker and jobs receive: the typed per-service context (no app holder).

Built in ``main.create_app``; ``start`` (on app start-up) sets the database, opens the providers'
HTTP client, builds the channel adapters and starts the delivery worker; ``stop`` undoes it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import httpx
from fastapi import FastAPI

from services.notifier.adapters import ChannelAdapter, build_adapters
from services.notifier.jobs import DeliveryWorker
from services.notifier.settings import NotifierSettings
from vipkit.context import ServiceContext

log = logging.getLogger("notifier")


@dataclass(kw_only=True)
class NotifierContext(ServiceContext):
    settings: NotifierSettings
    http: httpx.AsyncClient | None = None
    adapters: dict[str, ChannelAdapter] = field(default_factory=dict)
    worker: DeliveryWorker | None = None

    async def start(self, app: FastAPI) -> None:
        await super().start(app)
        self.http = httpx.AsyncClient(timeout=self.settings.http_timeout_seconds)
        self.adapters = build_adapters(self.settings, self.http)
        self.worker = DeliveryWorker(self.database, self.settings, self.adapters)
        if self.settings.worker_enabled:
            self.worker.start()
        log.info("delivery worker ready", extra={"adapters": {k: a.name for k, a in self.adapters.items()}})

    async def stop(self, app: FastAPI) -> None:
        if self.worker is not None:
            await self.worker.stop()
        if self.http is not None:
            await self.http.aclose()
