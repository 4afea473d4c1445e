"""The booking's effect on its reserved entitlement unit (SPEC 3.1, 4.2): consume or release at the
entitlements service. The effect is recorded with the transition (``ledger_action``) and settled
here, after the commit; a failure is kept on the booking and retried by the worker."""

from __future__ import annotations

import logging

from services.booking import repository as repo
from services.booking.context import BookingContext
from vipkit import clock
from vipkit.problems import Problem

log = logging.getLogger("booking.ledger")

#: Settling gives up after this many failed attempts (ops see the error on the booking).
MAX_ATTEMPTS = 50


async def apply_effect(ctx: BookingContext, action: str, reservation_id: str, reason: str) -> None:
    """Consume or release one reservation at entitlements (raises the entitlements problem)."""
    if action == "consume":
        await ctx.ent.consume(reservation_id, reason)
    else:
        await ctx.ent.release(reservation_id, reason)


async def settle_ledger(ctx: BookingContext, booking_id: str) -> bool:
    """Apply the booking's pending consume/release at entitlements; True when done (idempotent)."""
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None or booking.ledger_action is None or booking.ledger_done_at is not None:
            return True
        action, reason, reservation_id = booking.ledger_action, booking.ledger_reason or "", booking.reservation_id
    error: str | None = None
    try:
        await apply_effect(ctx, action, reservation_id, reason)
    except Problem as exc:
        error = f"{exc.code}: {exc.detail}"
        log.warning("entitlement %s failed for %s: %s", action, booking_id, error)
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None:
            return False
        if error is None:
            booking.ledger_done_at = clock.now()
            booking.ledger_error = None
        else:
            booking.ledger_attempts += 1
            booking.ledger_error = error[:2000]
    return error is None


async def settle_pending(ctx: BookingContext) -> None:
    """Retry every booking whose ledger effect is still pending."""
    async with ctx.database.transaction() as session:
        pending = await repo.pending_ledger_bookings(session, max_attempts=MAX_ATTEMPTS)
    for booking_id in pending:
        await settle_ledger(ctx, booking_id)
