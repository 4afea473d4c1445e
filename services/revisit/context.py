"""What revisit's jobs and consumers receive: the typed per-service context (no app holder)."""

from __future__ import annotations

from dataclasses import dataclass

from services.revisit.settings import RevisitSettings
from vipkit.context import ServiceContext


@dataclass(kw_only=True)
class RevisitContext(ServiceContext):
    """Built in ``main.create_app``; the database is set when the app starts."""

    settings: RevisitSettings
