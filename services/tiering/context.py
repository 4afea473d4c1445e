"""What tiering's jobs and consumers receive: the typed per-service context (no app holder)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from services.tiering.programs import Program
from services.tiering.settings import TieringSettings
from vipkit.db import Database
from vipkit.settings import CommonSettings


@dataclass
class TieringContext:
    """Built in ``main.create_app``; the database is set when the app starts."""

    settings: TieringSettings
    common: CommonSettings
    program: Program
    db: Database | None = None

    def database(self) -> Database:
        assert self.db is not None, "tiering context not started"
        return self.db

    async def start(self, app: FastAPI) -> None:
        self.db = app.state.db
