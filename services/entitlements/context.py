"""What entitlements' jobs and use cases receive: the typed per-service context (no app holder)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from services.entitlements.catalog import Catalog
from services.entitlements.settings import EntitlementsSettings
from vipkit.context import ServiceContext
from vipkit.http import InternalClient

NAME = "entitlements"


@dataclass(kw_only=True)
class EntitlementsContext(ServiceContext):
    """Built in ``main.create_app``; the database and the tiering client are set when the app starts."""

    settings: EntitlementsSettings
    catalog: Catalog
    tiering: InternalClient | None = None

    @property
    def tiering_client(self) -> InternalClient:
        assert self.tiering is not None, "entitlements context not started"
        return self.tiering

    async def start(self, app: FastAPI) -> None:
        await super().start(app)
        self.tiering = InternalClient(self.settings.tiering_url, self.common, service=NAME, timeout=30.0)

    async def stop(self, app: FastAPI) -> None:
        if self.tiering is not None:
            await self.tiering.aclose()
