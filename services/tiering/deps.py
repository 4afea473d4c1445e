"""Tiering's typed FastAPI dependencies: what a router may ask for (no ``request.app.state`` reads).

The request's session is ``vipkit.db.DbSession`` and the caller ``vipkit.auth.CurrentIdentity`` /
``StaffIdentity``; the shared building blocks are in ``vipkit.deps``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.tiering.context import TieringContext
from services.tiering.programs import Program
from services.tiering.settings import TieringSettings
from vipkit.deps import state_dependency

#: the service's context (settings, program, database), built by ``main.create_app``
ContextDep = Annotated[TieringContext, Depends(state_dependency("tiering", TieringContext))]


def get_program(ctx: ContextDep) -> Program:
    return ctx.program


def get_settings(ctx: ContextDep) -> TieringSettings:
    return ctx.settings


ProgramDep = Annotated[Program, Depends(get_program)]
SettingsDep = Annotated[TieringSettings, Depends(get_settings)]
