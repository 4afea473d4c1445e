"""What tiering's jobs and consumers receive: the typed per-service context (no app holder)."""

from __future__ import annotations

from dataclasses import dataclass

from services.tiering.programs import Program
from services.tiering.settings import TieringSettings
from vipkit.context import ServiceContext


@dataclass(kw_only=True)
class TieringContext(ServiceContext):
    """Built in ``main.create_app``; the database is set when the app starts."""

    settings: TieringSettings
    program: Program
