"""The effect of a booking or a second opinion on its reserved entitlement unit (SPEC 3.1, 4.2):
consume or release it at the entitlements service.

The effect is a durable job (``vipkit.durable``) written in the same transaction as the transition
that requires it, so it cannot be lost: retried with backoff for 72 hours (entitlements down,
restarting, slow), then ``dead`` and listed for ops (``GET /api/v1/ops/booking/jobs?state=dead``).
Right after the commit the use case also tries it once at once (the customer sees the unit back
without waiting for the runner); both paths are safe together because entitlements settles a
reservation once (the same consume or release again is a no-op, the other one is 409).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import repository as repo
from services.booking.context import BookingContext
from services.booking.models import Booking
from vipkit import clock, durable
from vipkit.problems import Problem

log = logging.getLogger("booking.ledger")

BOOKING_JOB = "booking.ledger"
OPINION_JOB = "opinion.ledger"
#: Answers of entitlements that no retry changes: the reservation is unknown or settled the other way.
PERMANENT_STATUSES = (404, 409, 422)


class LedgerNotSettled(Exception):
    """Entitlements did not settle the unit this time; the durable job tries again later."""


async def apply_effect(ctx: BookingContext, action: str, reservation_id: str, reason: str) -> None:
    """Consume or release one reservation at entitlements (raises the entitlements problem)."""
    if action == "consume":
        await ctx.ent.consume(reservation_id, reason)
    else:
        await ctx.ent.release(reservation_id, reason)


async def enqueue_booking_effect(session: AsyncSession, booking: Booking) -> None:
    """The booking's pending consume/release as a durable job, in the transition's transaction."""
    await durable.enqueue(
        session,
        BOOKING_JOB,
        {"booking_id": booking.id},
        dedupe_key=f"booking-ledger:{booking.id}:{booking.ledger_action}",
        retry_for=durable.LEDGER_RETRY_FOR,
    )


async def enqueue_opinion_effect(
    session: AsyncSession, request_id: str, action: str, reservation_id: str, reason: str
) -> None:
    """A second opinion's consume/release as a durable job, in the step's transaction."""
    await durable.enqueue(
        session,
        OPINION_JOB,
        {"request_id": request_id, "action": action, "reservation_id": reservation_id, "reason": reason},
        dedupe_key=f"opinion-ledger:{request_id}:{action}",
        retry_for=durable.LEDGER_RETRY_FOR,
    )


async def _settle(ctx: BookingContext, booking_id: str) -> Problem | None:
    """Apply the booking's pending consume/release; the entitlements problem when it failed."""
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None or booking.ledger_action is None or booking.ledger_done_at is not None:
            return None
        action, reason, reservation_id = booking.ledger_action, booking.ledger_reason or "", booking.reservation_id
    problem: Problem | None = None
    try:
        await apply_effect(ctx, action, reservation_id, reason)
    except Problem as exc:
        problem = exc
        log.warning("entitlement %s failed for %s: %s", action, booking_id, exc.detail)
    async with ctx.database.transaction() as session:
        booking = await repo.get_booking(session, booking_id)
        if booking is None:
            return problem
        if problem is None:
            booking.ledger_done_at = clock.now()
            booking.ledger_error = None
        else:
            booking.ledger_attempts += 1
            booking.ledger_error = f"{problem.code}: {problem.detail}"[:2000]
    return problem


async def settle_ledger(ctx: BookingContext, booking_id: str) -> bool:
    """Try the booking's pending effect now; True when done (idempotent). A failure is left to its job."""
    return await _settle(ctx, booking_id) is None


def _raise_for(problem: Problem) -> None:
    message = f"{problem.code}: {problem.detail}"
    if problem.status in PERMANENT_STATUSES:
        raise durable.PermanentJobError(message)
    raise LedgerNotSettled(message)


async def run_booking_job(ctx: BookingContext, payload: dict[str, Any]) -> None:
    problem = await _settle(ctx, str(payload["booking_id"]))
    if problem is not None:
        _raise_for(problem)


async def run_opinion_job(ctx: BookingContext, payload: dict[str, Any]) -> None:
    try:
        await apply_effect(ctx, payload["action"], payload["reservation_id"], payload["reason"])
    except Problem as exc:
        _raise_for(exc)


async def booking_job_dead(session: AsyncSession, payload: dict[str, Any], error: str) -> None:
    """The effect gave up (72 h, or refused for good): the booking shows it until ops retry the job."""
    booking = await repo.get_booking(session, str(payload["booking_id"]))
    if booking is not None:
        booking.ledger_error = f"dead: {error}"[:2000]


def job_kinds(ctx: BookingContext) -> dict[str, durable.JobKind]:
    async def booking_job(payload: dict[str, Any]) -> None:
        await run_booking_job(ctx, payload)

    async def opinion_job(payload: dict[str, Any]) -> None:
        await run_opinion_job(ctx, payload)

    return {
        BOOKING_JOB: durable.JobKind(booking_job, booking_job_dead),
        OPINION_JOB: durable.JobKind(opinion_job),
    }
