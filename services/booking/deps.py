"""Booking's typed FastAPI dependencies: what a router may ask for (no ``request.app.state`` reads).

The request's session is ``vipkit.db.DbSession`` and the caller ``vipkit.auth.CurrentIdentity`` /
``StaffIdentity``; the shared building blocks are in ``vipkit.deps``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header

from services.booking.context import BookingContext
from vipkit.deps import state_dependency

#: the service's context (settings, database, entitlements client, worker wake-up), built by ``main.create_app``
ContextDep = Annotated[BookingContext, Depends(state_dependency("booking", BookingContext))]
#: the client's key for a creating POST (insert-on-conflict: a repeat returns the first answer)
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=200)]
