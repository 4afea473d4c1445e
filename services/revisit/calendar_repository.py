"""Revisit's copy of booking's working-day calendar (``calendar.changed.v1``): kept newest-wins."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import CalendarChangedV1
from services.revisit.models import WorkingCalendarRow
from vipkit import clock
from vipkit.calendar import WorkingCalendar, calendar_from_event
from vipkit.db import insert_ignore

ROW_ID = 1


async def save_calendar(session: AsyncSession, data: CalendarChangedV1) -> bool:
    """Keep ``data`` unless a newer calendar is stored already; True when it was kept."""
    payload = data.model_dump(mode="json")
    now = clock.now()
    values = {"id": ROW_ID, "changed_at": data.changed_at, "data": payload, "received_at": now}
    if await insert_ignore(session, WorkingCalendarRow.__table__, values):  # type: ignore[arg-type]
        return True
    row = await session.get(WorkingCalendarRow, ROW_ID, with_for_update=True)
    assert row is not None
    if row.changed_at > data.changed_at:
        return False  # an older calendar arriving late changes nothing
    row.changed_at, row.data, row.received_at = data.changed_at, payload, now
    await session.flush()
    return True


async def load_calendar(session: AsyncSession) -> WorkingCalendar:
    """The calendar booking published last (the package's official years until one arrives)."""
    row = await session.get(WorkingCalendarRow, ROW_ID)
    return calendar_from_event(CalendarChangedV1.model_validate(row.data) if row is not None else None)
