"""What notifier's delivery jobs receive: the typed per-service context (no app holder).

Built in ``main.create_app``; ``start`` (on app start-up) sets the database, opens the providers'
HTTP client and builds the channel adapters (the service's job runner delivers: ``jobs.py``);
``stop`` closes the client.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import httpx
from fastapi import FastAPI

from services.notifier.adapters import ChannelAdapter, build_adapters
from services.notifier.settings import NotifierSettings
from vipkit.context import ServiceContext
from vipkit.http import tls_context

log = logging.getLogger("notifier")


@dataclass(kw_only=True)
class NotifierContext(ServiceContext):
    settings: NotifierSettings
    http: httpx.AsyncClient | None = None
    adapters: dict[str, ChannelAdapter] = field(default_factory=dict)

    async def start(self, app: FastAPI) -> None:
        await super().start(app)
        self.http = httpx.AsyncClient(timeout=self.settings.http_timeout_seconds, verify=tls_context())
        self.adapters = build_adapters(self.settings, self.http)
        log.info("channel adapters ready", extra={"adapters": {k: a.name for k, a in self.adapters.items()}})

    async def stop(self, app: FastAPI) -> None:
        if self.http is not None:
            await self.http.aclose()
