"""SQL of booking's half of the reservation comparison (``reconcile.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking.models import Booking, SecondOpinion
from vipkit.plumbing import durable_jobs_table

#: booking states in which the booking holds its reserved unit
LIVE_BOOKINGS = ("pending", "confirmed")
LIVE_OPINIONS = ("requested", "contacted", "materials_complete")
#: a final second opinion's effect on its unit (``opinions.STEP_LEDGER``)
OPINION_ACTIONS = {"delivered": "consume", "cancelled": "release"}


def _job_state(dedupe_key: Any) -> Any:
    j = durable_jobs_table
    return select(j.c.state).where(j.c.dedupe_key == dedupe_key).limit(1).scalar_subquery()


async def unsettled_bookings(session: AsyncSession, limit: int) -> list[tuple[Booking, str | None]]:
    """Final bookings whose consume/release is not done, each with its ledger job's state (None:
    no job) — only those whose job is missing, dead or discarded (a pending one is on its way)."""
    key = literal("booking-ledger:") + Booking.id + literal(":") + Booking.ledger_action
    state = _job_state(key)
    rows = await session.execute(
        select(Booking, state)
        .where(Booking.ledger_action.is_not(None), Booking.ledger_done_at.is_(None))
        .where(func.coalesce(state, "missing").in_(("missing", "dead", "discarded")))
        .order_by(Booking.updated_at)
        .limit(limit)
    )
    return [(b, s) for b, s in rows.all()]


async def unsettled_opinions(session: AsyncSession, limit: int) -> list[tuple[SecondOpinion, str, str | None]]:
    """Final second opinions whose ledger job is missing, dead or discarded: (row, action, job state)."""
    out: list[tuple[SecondOpinion, str, str | None]] = []
    for status, action in OPINION_ACTIONS.items():
        key = literal("opinion-ledger:") + SecondOpinion.id + literal(f":{action}")
        state = _job_state(key)
        rows = await session.execute(
            select(SecondOpinion, state)
            .where(SecondOpinion.status == status, SecondOpinion.reservation_id.is_not(None))
            .where(func.coalesce(state, "missing").in_(("missing", "dead", "discarded")))
            .order_by(SecondOpinion.updated_at)
            .limit(limit)
        )
        out += [(o, action, s) for o, s in rows.all()]
    return out


async def live_holders(session: AsyncSession, older_than: dt.datetime, limit: int) -> list[tuple[str, str, str]]:
    """A sample of live bookings and opinions (kind, id, reservation id) older than ``older_than``,
    in random order so that successive passes cover all of them."""
    bookings = await session.execute(
        select(Booking.id, Booking.reservation_id)
        .where(Booking.status.in_(LIVE_BOOKINGS), Booking.created_at < older_than)
        .order_by(func.random())
        .limit(limit)
    )
    opinions = await session.execute(
        select(SecondOpinion.id, SecondOpinion.reservation_id)
        .where(
            SecondOpinion.status.in_(LIVE_OPINIONS),
            SecondOpinion.reservation_id.is_not(None),
            SecondOpinion.requested_at < older_than,
        )
        .order_by(func.random())
        .limit(limit)
    )
    return [("booking", i, r) for i, r in bookings.all()] + [("opinion", i, str(r)) for i, r in opinions.all()]


async def job_id(session: AsyncSession, dedupe_key: str) -> int | None:
    j = durable_jobs_table
    found = await session.scalar(select(j.c.id).where(j.c.dedupe_key == dedupe_key))
    return int(found) if found is not None else None
