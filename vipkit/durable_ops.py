"""Ops on durable jobs (``vipkit.durable``): list, read, retry a dead one, discard it, count by state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vipkit.durable import utcnow
from vipkit.plumbing import durable_jobs_table


async def list_jobs(
    session: AsyncSession, *, state: str | None, kind: str | None, limit: int, before: int | None = None
) -> list[dict[str, Any]]:
    """Newest first; keyset-paged on the id (``before``: the last id of the previous page)."""
    j = durable_jobs_table
    query = select(j).order_by(j.c.id.desc()).limit(limit)
    if before is not None:
        query = query.where(j.c.id < before)
    if state is not None:
        query = query.where(j.c.state == state)
    if kind is not None:
        query = query.where(j.c.kind == kind)
    return [dict(row) for row in (await session.execute(query)).mappings().all()]


async def get_job(session: AsyncSession, job_id: int) -> dict[str, Any] | None:
    query = select(durable_jobs_table).where(durable_jobs_table.c.id == job_id)
    row = (await session.execute(query)).mappings().first()
    return dict(row) if row is not None else None


async def retry_job(session: AsyncSession, job_id: int) -> bool:
    """Ops: run a dead (or discarded) job again now, with a fresh retry window; False if not dead."""
    j = durable_jobs_table
    now = utcnow()
    retry_for = await session.scalar(select(j.c.retry_seconds).where(j.c.id == job_id))
    if retry_for is None:
        return False
    result = await session.execute(
        update(j)
        .where(j.c.id == job_id, j.c.state.in_(("dead", "discarded")))
        .values(
            state="pending",
            run_after=now,
            give_up_at=now + dt.timedelta(seconds=retry_for),
            finished_at=None,
            updated_at=now,
        )
    )
    session.info["jobs_pending"] = True
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def retry_job_by_key(session: AsyncSession, dedupe_key: str) -> bool:
    """``retry_job`` for the job with that dedupe key; False when there is none or it is not dead."""
    job_id = await session.scalar(select(durable_jobs_table.c.id).where(durable_jobs_table.c.dedupe_key == dedupe_key))
    return job_id is not None and await retry_job(session, job_id)


async def discard_job(session: AsyncSession, job_id: int) -> bool:
    """Ops: give a dead job up for good (it stops holding later jobs with its ordering key)."""
    j = durable_jobs_table
    now = utcnow()
    result = await session.execute(
        update(j).where(j.c.id == job_id, j.c.state == "dead").values(state="discarded", updated_at=now)
    )
    session.info["jobs_pending"] = True
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def count_by_state(session: AsyncSession) -> dict[str, int]:
    j = durable_jobs_table
    rows = (await session.execute(select(j.c.state, func.count()).group_by(j.c.state))).all()
    return {state: int(n) for state, n in rows}
