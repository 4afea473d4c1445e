"""Entitlements' typed FastAPI dependencies: what a router may ask for (no ``request.app.state`` reads).

The request's session is ``vipkit.db.DbSession`` and the caller ``vipkit.auth.CurrentIdentity`` /
``StaffIdentity``; the shared building blocks are in ``vipkit.deps``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.entitlements.catalog import Catalog
from services.entitlements.context import EntitlementsContext
from vipkit.auth import Identity, internal_or_staff
from vipkit.deps import state_dependency

#: the service's context (settings, catalog, database, tiering client), built by ``main.create_app``
ContextDep = Annotated[EntitlementsContext, Depends(state_dependency("entitlements", EntitlementsContext))]


async def get_catalog(ctx: ContextDep) -> Catalog:
    return ctx.catalog


#: the active program's benefit catalog (``VIP_PROGRAM``)
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
#: reservations: ops staff, or the booking service with its internal token
BookingOrStaff = Annotated[Identity, Depends(internal_or_staff("booking"))]
