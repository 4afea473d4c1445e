"""Revisit's typed FastAPI dependencies: what a router may ask for (no ``request.app.state`` reads).

The request's session is ``vipkit.db.DbSession`` and the caller ``vipkit.auth.CurrentIdentity`` /
``StaffIdentity``; the shared building blocks are in ``vipkit.deps``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from services.revisit.context import RevisitContext
from services.revisit.settings import RevisitSettings
from vipkit.deps import state_dependency

#: the service's context (settings, database), built by ``main.create_app``
ContextDep = Annotated[RevisitContext, Depends(state_dependency("revisit", RevisitContext))]


def get_settings(ctx: ContextDep) -> RevisitSettings:
    return ctx.settings


SettingsDep = Annotated[RevisitSettings, Depends(get_settings)]


@dataclass(frozen=True)
class ClientInfo:
    """Who answers a questionnaire, for the audit record: the first forwarded address and the browser."""

    ip: str | None
    user_agent: str | None


def get_client_info(request: Request) -> ClientInfo:
    forwarded = request.headers.get("x-forwarded-for")
    ip = forwarded.split(",")[0].strip() if forwarded else (request.client.host if request.client else None)
    return ClientInfo(ip, request.headers.get("user-agent"))


ClientDep = Annotated[ClientInfo, Depends(get_client_info)]
