"""Booking HTTP routers: the working-day calendar (SPEC 4.1) — ranges, years, ops overrides and loads."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import calendar_ops, calendar_repository, errors
from services.booking.calendar_schemas import (
    CalendarDay,
    CalendarYears,
    OverrideRead,
    OverrideWrite,
    WorkingDays,
    YearScheduleRead,
    YearScheduleWrite,
)
from vipkit import clock
from vipkit.auth import StaffIdentity
from vipkit.calendar import CalendarUnknown
from vipkit.db import DbSession
from vipkit.etag import check_if_match, set_etag
from vipkit.problems import NotFound, ValidationProblem

router = APIRouter(prefix="/api/v1", tags=["booking"])


# --- calendar ----------------------------------------------------------------------------------------------
@router.get("/calendar/working-days", response_model=WorkingDays, tags=["calendar"], summary="Working days in a range")
async def working_days(
    session: DbSession,
    from_: Annotated[dt.date, Query(alias="from")],
    to: Annotated[dt.date, Query()],
) -> WorkingDays:
    if to < from_:
        raise ValidationProblem("'to' must not be before 'from'", field="to")
    if (to - from_).days > 366:
        raise ValidationProblem("at most 367 days per request", field="to")
    cal = await calendar_repository.load_calendar(session)
    try:
        days = list(cal.days(from_, to))
    except CalendarUnknown as exc:
        raise errors.calendar_unknown(exc) from exc
    return WorkingDays(
        items=[
            CalendarDay(date=d.date, working=d.working, holiday=d.holiday, name=d.name, source=d.source) for d in days
        ]
    )


@router.get("/calendar/years", response_model=CalendarYears, tags=["calendar"], summary="Years with a known schedule")
async def calendar_years(session: DbSession) -> CalendarYears:
    return calendar_ops.years_view(await calendar_repository.load_calendar(session), clock.today())


@router.put(
    "/calendar/overrides/{date}", response_model=OverrideRead, tags=["calendar"], summary="Override one date (ops)"
)
async def put_override(date: dt.date, body: OverrideWrite, session: DbSession, who: StaffIdentity) -> OverrideRead:
    row = await calendar_repository.upsert_override(session, date, body.working, body.name, who.sub, clock.now())
    await calendar_ops.publish_calendar(session)
    return OverrideRead(
        date=row.date, working=row.working, name=row.name, updated_by=row.updated_by, updated_at=row.updated_at
    )


@router.delete("/calendar/overrides/{date}", status_code=204, tags=["calendar"], summary="Remove an override (ops)")
async def delete_override(date: dt.date, session: DbSession, _: StaffIdentity) -> Response:
    if not await calendar_repository.delete_override(session, date):
        raise NotFound("no override for that date")
    await calendar_ops.publish_calendar(session)
    return Response(status_code=204)


@router.put(
    "/calendar/years/{year}",
    response_model=YearScheduleRead,
    tags=["calendar"],
    summary="Load a year's official schedule (ops; replaces the package's data for that year)",
)
async def put_year(
    year: int, body: YearScheduleWrite, session: DbSession, who: StaffIdentity, request: Request, response: Response
) -> YearScheduleRead:
    if not 2000 <= year <= 2100:
        raise ValidationProblem("year out of range", field="year")
    check_if_match(request, await _year_read(session, year))
    off = {d.date: d.name for d in body.days_off}
    work = {d.date: d.name for d in body.working_days}
    if len(off) != len(body.days_off) or len(work) != len(body.working_days):
        raise ValidationProblem("a date is listed twice", field="days_off")
    both = sorted(set(off) & set(work))
    if both:
        raise ValidationProblem(f"{both[0]} is listed both as a day off and as a working day", field="working_days")
    for day in (*off, *work):
        if abs(day.year - year) > 1 or (day.year != year and day.month not in (1, 12)):
            raise ValidationProblem(f"{day} does not belong to the {year} schedule", field="days_off")
    for day in work:
        if day.isoweekday() < 6:
            raise ValidationProblem(f"{day} is a weekday: make-up working days are weekend days", field="working_days")
    await calendar_repository.replace_year(
        session, year, sorted(off.items()), sorted(work.items()), body.source, who.sub, clock.now()
    )
    await calendar_ops.publish_calendar(session)
    read = await _year_read(session, year)
    assert read is not None
    set_etag(response, read)
    return read


@router.get("/calendar/years/{year}", response_model=YearScheduleRead, tags=["calendar"], summary="A loaded year")
async def get_year(year: int, session: DbSession, response: Response) -> YearScheduleRead:
    read = await _year_read(session, year)
    if read is None:
        raise NotFound(f"no schedule loaded by ops for {year}")
    set_etag(response, read)
    return read


async def _year_read(session: AsyncSession, year: int) -> YearScheduleRead | None:
    found = await calendar_repository.get_year(session, year)
    if found is None:
        return None
    row, days = found
    return YearScheduleRead.model_validate(
        {
            "year": year,
            "source": row.source,
            "days_off": [{"date": d.date, "name": d.name} for d in days if not d.working],
            "working_days": [{"date": d.date, "name": d.name} for d in days if d.working],
            "loaded_by": row.loaded_by,
            "loaded_at": row.loaded_at,
        }
    )
