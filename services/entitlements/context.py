"""What entitlements' jobs and use cases receive: the typed per-service context (no app holder)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from services.entitlements.catalog import Catalog
from services.entitlements.settings import EntitlementsSettings
from vipkit.db import Database
from vipkit.http import InternalClient
from vipkit.settings import CommonSettings

NAME = "entitlements"


@dataclass
class EntitlementsContext:
    """Built in ``main.create_app``; the database and the tiering client are set when the app starts."""

    settings: EntitlementsSettings
    common: CommonSettings
    catalog: Catalog
    db: Database | None = None
    tiering: InternalClient | None = None

    @property
    def database(self) -> Database:
        assert self.db is not None, "entitlements context not started"
        return self.db

    @property
    def tiering_client(self) -> InternalClient:
        assert self.tiering is not None, "entitlements context not started"
        return self.tiering

    async def start(self, app: FastAPI) -> None:
        self.db = app.state.db
        self.tiering = InternalClient(self.settings.tiering_url, self.common, service=NAME, timeout=30.0)
        app.state.tiering_client = self.tiering

    async def stop(self, app: FastAPI) -> None:
        if self.tiering is not None:
            await self.tiering.aclose()
