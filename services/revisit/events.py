"""The events revisit writes to its outbox (in the caller's transaction): task changes (the daily SMS
requests are written set-wise by ``batch``)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import RevisitChangedV1, Topic
from services.revisit.models import RevisitTask
from vipkit import clock
from vipkit.events import add_event

SOURCE = "revisit"


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


async def publish_change(
    session: AsyncSession,
    task: RevisitTask,
    from_status: str | None,
    *,
    outcome: str | None = None,
    answers: list[dict[str, Any]] | None = None,
    remark: str | None = None,
) -> None:
    await add_event(
        session,
        Topic.revisit_changed.value,
        RevisitChangedV1(
            task_id=task.id,
            policy_no=task.policy_no,
            customer_id=task.customer_id,
            from_status=from_status,
            to_status=task.status,
            outcome=outcome,  # type: ignore[arg-type]
            answers=answers,
            remark=remark,
        ),
        key=task.customer_id,
        source=SOURCE,
    )


async def set_status(session: AsyncSession, task: RevisitTask, to_status: str, **event: Any) -> None:
    from_status = task.status
    task.status = to_status
    task.updated_at = clock.now()
    await session.flush()
    await publish_change(session, task, from_status, **event)
