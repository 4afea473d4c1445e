"""Revisit: the SQL of the daily SMS batches, chunk by chunk (issue 17).

Like ``repository.py``, nothing here commits: the caller owns the transaction. Rows are read as plain
rows (no ORM objects: a batch of 100,000 tasks must not fill the session's identity map), locked
``FOR UPDATE`` like the per-task path, and written with one statement per chunk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import Row, case, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit.models import RevisitTask

SmsKind = Literal["first_sms", "second_sms"]
_TASKS = RevisitTask.__table__


def _due(kind: SmsKind, as_of: dt.datetime) -> list[Any]:
    t = RevisitTask
    if kind == "first_sms":
        return [
            t.status.in_(("pending", "phone_queue")),
            t.electronic_open.is_(True),
            t.first_sms_at.is_(None),
            t.first_sms_due_at <= as_of,
        ]
    return [
        t.status.in_(("sms_sent", "phone_queue")),
        t.electronic_open.is_(True),
        t.first_sms_at.is_not(None),
        t.second_sms_at.is_(None),
        t.second_sms_due_at <= as_of,
    ]


async def due_chunk(
    session: AsyncSession, kind: SmsKind, as_of: dt.datetime, after_id: str, limit: int
) -> Sequence[Row[Any]]:
    """The next ``limit`` tasks due for this SMS with an id after ``after_id``, in id order, locked."""
    stmt = (
        select(_TASKS)
        .where(*_due(kind, as_of), RevisitTask.id > after_id)
        .order_by(RevisitTask.id)
        .limit(limit)
        .with_for_update()
    )
    return (await session.execute(stmt)).all()


async def mark_sms_sent(
    session: AsyncSession, kind: SmsKind, task_ids: list[str], as_of: dt.datetime, now: dt.datetime,
    second_sms_due_at: dt.datetime | None = None,
) -> None:  # fmt: skip
    """One UPDATE for a chunk: the SMS time (and after the first SMS: the second's due time, and
    ``pending`` becomes ``sms_sent``; a task escalated before its batch stays in the phone queue)."""
    t = RevisitTask
    values: dict[str, Any] = {"updated_at": now}
    if kind == "first_sms":
        values |= {
            "first_sms_at": as_of,
            "second_sms_due_at": second_sms_due_at,
            "status": case((t.status == "pending", "sms_sent"), else_=t.status),
        }
    else:
        values["second_sms_at"] = as_of
    await session.execute(
        update(t).where(t.id.in_(task_ids)).values(values).execution_options(synchronize_session=False)
    )
