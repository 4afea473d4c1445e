"""The base of every service's typed context (``services/<svc>/context.py``).

A service's context holds its long-lived dependencies: settings, the database, clients, the catalog
or program. ``main.create_app`` builds it, puts it on ``app.state.<service name>`` (where the
service's ``deps.py`` reads it) and registers ``start`` to run at start-up; jobs, consumers, workers
and the use cases that open their own transactions receive it, never the FastAPI app.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from vipkit.db import Database
from vipkit.settings import CommonSettings


@dataclass(kw_only=True)
class ServiceContext:
    common: CommonSettings
    db: Database | None = None

    @property
    def database(self) -> Database:
        """The service's database; set when the app starts (``start``)."""
        if self.db is None:
            raise RuntimeError(f"{type(self).__name__} not started: the database is set when the app starts")
        return self.db

    async def start(self, app: FastAPI) -> None:
        self.db = app.state.db
