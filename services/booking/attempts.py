"""The reserve saga shared by bookings and second-opinion requests: a unit is never stranded and a
request never exists without its reservation.

1. the use case validates and commits a ``booking_attempts`` row (``record_attempt``: the
   idempotency key and the trace of the attempt);
2. ``reserve_and_write`` reserves one unit from entitlements over HTTP (idempotency key derived from
   the attempt id), outside any transaction;
3. then, in one transaction, it runs the use case's ``write`` (the booking or the request row and
   their effects) and marks the attempt ``booked``.

If step 3 fails the reservation is released at once; if that release fails too (or the process dies
in between), the attempt stays ``release_pending``/``reserving`` and ``sweep_attempts`` releases it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import repository as repo
from services.booking.context import BookingContext, wall_now
from services.booking.entitlements import EntitlementsUnavailable
from services.booking.schemas import ReservationHolder
from vipkit.db import Database
from vipkit.problems import Problem

log = logging.getLogger("booking.attempts")

T = TypeVar("T")


def request_hash(body: dict[str, Any]) -> str:
    """The fingerprint that ties an Idempotency-Key to one request body."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Unit:
    """The entitlement unit an attempt reserves; ``purpose`` prefixes the reservation's idempotency key."""

    attempt_id: str
    purpose: str
    customer_id: str
    service_code: str
    beneficiary_id: str | None


async def record_attempt(
    session: AsyncSession, attempt_id: str, customer_id: str, idempotency_key: str | None, fingerprint: str
) -> bool:
    """Step 1: insert the attempt (``reserving``); False when another attempt holds the key."""
    now = wall_now()
    return await repo.insert_attempt(
        session,
        {
            "booking_id": attempt_id,
            "customer_id": customer_id,
            "idempotency_key": idempotency_key,
            "request_hash": fingerprint,
            "status": "reserving",
            "created_at": now,
            "updated_at": now,
        },
    )


async def reserve_and_write(ctx: BookingContext, unit: Unit, write: Callable[[AsyncSession, str], Awaitable[T]]) -> T:
    """Steps 2 and 3: reserve the unit, then ``write(session, reservation_id)`` in one transaction."""
    reservation_id = await reserve(ctx, unit)
    try:
        async with ctx.database.transaction() as session:
            result = await write(session, reservation_id)
            marked = await repo.mark_attempt_booked(session, unit.attempt_id, reservation_id, wall_now())
            assert marked, f"attempt {unit.attempt_id} vanished"
    except BaseException as exc:
        await release_failed(ctx, unit.attempt_id, reservation_id, repr(exc))
        raise
    return result


async def reserve(ctx: BookingContext, unit: Unit) -> str:
    """Step 2: reserve one unit; on failure the attempt is closed (or left to the sweeper)."""
    try:
        reservation = await ctx.ent.reserve(
            idempotency_key=f"{unit.purpose}:{unit.attempt_id}",
            customer_id=unit.customer_id,
            service_code=unit.service_code,
            beneficiary_id=unit.beneficiary_id,
            reference=unit.attempt_id,
        )
    except EntitlementsUnavailable as exc:
        # we cannot know whether the unit was reserved: the sweeper checks by reference
        await finish_attempt(ctx.database, unit.attempt_id, "release_pending", error=exc.detail)
        raise
    except Problem as exc:
        await finish_attempt(ctx.database, unit.attempt_id, "failed", error=f"{exc.code}: {exc.detail}")
        raise
    return str(reservation["reservation_id"])


async def finish_attempt(db: Database, attempt_id: str, status: str, *, error: str | None = None) -> None:
    """Close a failed attempt: its key is freed so the customer may retry with it."""
    async with db.transaction() as session:
        attempt = await repo.get_attempt(session, attempt_id)
        if attempt is not None:
            attempt.status = status
            attempt.idempotency_key = None
            attempt.error = (error or "")[:2000] or None
            attempt.updated_at = wall_now()


async def release_failed(ctx: BookingContext, attempt_id: str, reservation_id: str, error: str) -> None:
    """Give back the unit of an attempt whose write failed (the sweeper retries if this fails too)."""
    try:
        await ctx.ent.release(reservation_id, "booking_failed")
    except Exception as exc:
        log.warning("release after failed booking failed; left to the sweeper", extra={"booking_id": attempt_id})
        await finish_attempt(ctx.database, attempt_id, "release_pending", error=f"{error}; release: {exc!r}")
        return
    await finish_attempt(ctx.database, attempt_id, "failed", error=error)


# --- the sweeper ------------------------------------------------------------------------------------------
async def sweep_attempts(ctx: BookingContext, now: dt.datetime | None = None) -> int:
    """Release reservations whose booking does not exist (crashed or failed attempts)."""
    now = now or wall_now()
    older_than = now - dt.timedelta(seconds=ctx.settings.sweeper_grace_seconds)
    async with ctx.database.transaction() as session:
        attempts = [a.booking_id for a in await repo.stale_attempts(session, older_than)]
    released = 0
    for attempt_id in attempts:
        if await _mark_booked_if_written(ctx, attempt_id):
            continue
        try:
            released += await _release_reserved(ctx, attempt_id)
        except Problem as exc:
            log.warning("sweeper could not release for %s: %s", attempt_id, exc.detail)
            continue
        await _mark_failed_unless_written(ctx, attempt_id)
    return released


async def holder_of(session: AsyncSession, reference: str) -> ReservationHolder:
    """What holds the reservation made under ``reference`` (an attempt id): the booking or request
    written with it, or the attempt while it is still reserving; ``held`` false means none will."""
    if await repo.get_booking(session, reference) is not None:
        return ReservationHolder(reference=reference, held=True, by="booking")
    if await repo.get_opinion(session, reference) is not None:
        return ReservationHolder(reference=reference, held=True, by="second_opinion")
    attempt = await repo.get_attempt(session, reference)
    if attempt is not None and attempt.status == "reserving":
        return ReservationHolder(reference=reference, held=True, by="attempt")
    return ReservationHolder(reference=reference, held=False, by=None)


async def _written(session: AsyncSession, attempt_id: str) -> bool:
    if await repo.get_booking(session, attempt_id) is not None:
        return True
    return await repo.get_opinion(session, attempt_id) is not None


async def _mark_booked_if_written(ctx: BookingContext, attempt_id: str) -> bool:
    async with ctx.database.transaction() as session:
        if not await _written(session, attempt_id):
            return False
        attempt = await repo.get_attempt(session, attempt_id)
        if attempt is not None:
            attempt.status = "booked"
        return True


async def _release_reserved(ctx: BookingContext, attempt_id: str) -> int:
    released = 0
    for reservation in await ctx.ent.reservations_for(attempt_id):
        if reservation.get("status") == "reserved":
            await ctx.ent.release(str(reservation["reservation_id"]), "booking_failed")
            released += 1
    return released


async def _mark_failed_unless_written(ctx: BookingContext, attempt_id: str) -> None:
    async with ctx.database.transaction() as session:
        if await _written(session, attempt_id):
            return
        attempt = await repo.get_attempt(session, attempt_id)
        if attempt is not None:
            attempt.status = "failed"
            attempt.idempotency_key = None
            attempt.updated_at = wall_now()
