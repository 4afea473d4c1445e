"""Typed FastAPI dependencies shared by every service (the building blocks of each ``deps.py``).

A router never reads ``request.app.state`` itself: it declares an ``Annotated`` dependency
(``DatabaseDep``, ``CommonSettingsDep``, the service's ``ContextDep`` made with ``state_dependency``)
and gets a typed value. The request's session is ``vipkit.db.DbSession``; the caller is
``vipkit.auth.CurrentIdentity`` / ``StaffIdentity``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from vipkit.auth import Identity, internal_or_staff
from vipkit.db import Database
from vipkit.settings import CommonSettings

T = TypeVar("T")


def state_dependency(name: str, kind: type[T]) -> Callable[[Request], Awaitable[T]]:
    """A dependency returning ``app.state.<name>``, checked to be a ``kind`` (set by the app factory).
    Async, so FastAPI runs it on the event loop: a plain ``def`` dependency costs a worker-thread
    round trip per request (issue 17: measured in booking's create path)."""

    async def dependency(request: Request) -> T:
        value = getattr(request.app.state, name, None)
        if not isinstance(value, kind):
            raise RuntimeError(f"app.state.{name} is not a {kind.__name__} (set by the service's create_app)")
        return value

    dependency.__name__ = f"get_{name}"
    return dependency


#: the service's database (set when the app starts)
DatabaseDep = Annotated[Database, Depends(state_dependency("db", Database))]
#: the settings every service shares (``VIP_`` prefix)
CommonSettingsDep = Annotated[CommonSettings, Depends(state_dependency("common_settings", CommonSettings))]
#: ops staff, or the entitlements service with its internal token (tiering's tier list, booking's
#: reservation holders: the calls entitlements makes to reconcile)
EntitlementsOrStaff = Annotated[Identity, Depends(internal_or_staff("entitlements"))]
