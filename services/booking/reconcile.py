"""Booking's half of the reservation comparison (issue 12 item 4; entitlements' half is its
orphan pass, ``services/entitlements/jobs.py``).

A periodic pass (``BackgroundWorker``, every ``reconcile_interval_seconds``) compares booking's side
with entitlements' reservations and repairs booking's side:

- a final booking or second opinion whose consume/release job is **missing** (lost, or written before
  jobs existed) gets its job enqueued again;
- one whose job is **dead or discarded** is looked up at entitlements: still ``reserved`` → the job is
  run again (a fresh 72 h window); already settled the same way → the booking records it as done;
  settled the other way → left dead for ops (a human decides; counted as ``conflicts``);
- a **live** booking or opinion whose unit entitlements already released or consumed (only an ops
  action at entitlements can do that: its orphan pass asks booking first) is reported (logged,
  counted as ``unheld``): the customer keeps the booking; booking never cancels behind their back.

Entitlements unreachable: the pass stops and runs again next time (nothing is changed on a guess).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from services.booking import ledger
from services.booking import reconcile_repository as repo
from services.booking import repository as booking_repo
from services.booking.context import BookingContext
from vipkit import clock, durable_ops
from vipkit.problems import Problem

log = logging.getLogger("booking.reconcile")

SETTLED = {"consume": "consumed", "release": "released"}


async def _reservation_status(ctx: BookingContext, reference: str, reservation_id: str) -> str | None:
    """The reservation's status at entitlements (None: unknown there)."""
    for item in await ctx.ent.reservations_for(reference):
        if item.get("reservation_id") == reservation_id:
            return str(item.get("status"))
    return None


async def _revive(ctx: BookingContext, dedupe_key: str, enqueue: Any) -> str:
    async with ctx.database.transaction() as session:
        found = await repo.job_id(session, dedupe_key)
        if found is None:
            await enqueue(session)
            return "requeued"
        await durable_ops.retry_job(session, found)
        return "revived"


async def _repair_booking(ctx: BookingContext, booking_id: str, reservation_id: str, action: str) -> str:
    status = await _reservation_status(ctx, booking_id, reservation_id)
    if status == SETTLED[action]:
        async with ctx.database.transaction() as session:
            booking = await booking_repo.get_booking(session, booking_id)
            if booking is not None and booking.ledger_done_at is None:
                booking.ledger_done_at, booking.ledger_error = clock.now(), None
        return "already_settled"
    if status != "reserved":
        return "conflicts"

    async def enqueue(session: Any) -> None:
        booking = await booking_repo.get_booking(session, booking_id)
        if booking is not None:
            await ledger.enqueue_booking_effect(session, booking)

    return await _revive(ctx, f"booking-ledger:{booking_id}:{action}", enqueue)


async def _repair_opinion(ctx: BookingContext, request_id: str, reservation_id: str, action: str) -> str:
    status = await _reservation_status(ctx, request_id, reservation_id)
    if status == SETTLED[action]:
        return "already_settled"
    if status != "reserved":
        return "conflicts"
    reason = "completed" if action == "consume" else "cancelled"

    async def enqueue(session: Any) -> None:
        await ledger.enqueue_opinion_effect(session, request_id, action, reservation_id, reason)

    return await _revive(ctx, f"opinion-ledger:{request_id}:{action}", enqueue)


async def _unheld(ctx: BookingContext, kind: str, reference: str, reservation_id: str) -> bool:
    status = await _reservation_status(ctx, reference, reservation_id)
    if status not in ("released", "consumed"):
        return False
    extra = {"reference": reference, "reservation_id": reservation_id, "status": status}
    log.warning("live %s without its unit at entitlements", kind, extra=extra)
    return True


async def compare_reservations(
    ctx: BookingContext, *, limit: int = 200, live_after: dt.timedelta = dt.timedelta(minutes=15)
) -> dict[str, int]:
    """One pass; returns what it found and did (figures for logs and tests)."""
    figures = {"checked": 0, "requeued": 0, "revived": 0, "already_settled": 0, "conflicts": 0, "unheld": 0}
    async with ctx.database.transaction() as session:
        unsettled = await repo.unsettled_bookings(session, limit)
        bookings = [(b.id, b.reservation_id, str(b.ledger_action)) for b, _ in unsettled]
        opinions = [(o.id, str(o.reservation_id), a) for o, a, _ in await repo.unsettled_opinions(session, limit)]
        live = await repo.live_holders(session, clock.now() - live_after, limit)
    figures["checked"] = len(bookings) + len(opinions) + len(live)
    try:
        for booking_id, reservation_id, action in bookings:
            figures[await _repair_booking(ctx, booking_id, reservation_id, action)] += 1
        for request_id, reservation_id, action in opinions:
            figures[await _repair_opinion(ctx, request_id, reservation_id, action)] += 1
        for kind, reference, reservation_id in live:
            figures["unheld"] += await _unheld(ctx, kind, reference, reservation_id)
    except Problem as exc:  # entitlements unreachable: try again next pass
        log.warning("reservation comparison stopped", extra={"error": exc.detail})
    if any(figures[k] for k in ("requeued", "revived", "already_settled", "conflicts", "unheld")):
        log.warning("reservation comparison repaired booking's side", extra=figures)
    return figures
