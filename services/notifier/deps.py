"""Notifier's typed FastAPI dependencies: what a router may ask for (no ``request.app.state`` reads).

The ops routers need only the request's session (``vipkit.db.DbSession``) and the caller
(``vipkit.auth.StaffIdentity``); the context is here for any router that needs the settings, the
adapters or the delivery jobs. The shared building blocks are in ``vipkit.deps``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.notifier.context import NotifierContext
from vipkit.deps import state_dependency

#: the service's context (settings, database, adapters), built by ``main.create_app``
ContextDep = Annotated[NotifierContext, Depends(state_dependency("notifier", NotifierContext))]
