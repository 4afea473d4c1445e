"""The call-centre phone queue (SPEC 5): one open item per task, office hours, call results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.revisit import repository as repo
from services.revisit import rules
from services.revisit.calendar_repository import load_calendar
from services.revisit.errors import IllegalTransition, PhoneItemNotFound
from services.revisit.events import new_id, publish_change, set_status
from services.revisit.models import PhoneAttempt, PhoneQueueItem, RevisitTask
from vipkit import clock


def close_item(item: PhoneQueueItem, outcome: str) -> None:
    item.status = "done"
    item.outcome = outcome
    item.open_task_id = None
    item.closed_at = clock.now()


async def queue_for_phone(
    session: AsyncSession,
    task: RevisitTask,
    reason: rules.PhoneReason,
    *,
    answers: list[dict[str, Any]] | None = None,
    remark: str | None = None,
) -> PhoneQueueItem:
    """The task's open phone-queue item (one per task), created or updated with the latest reason."""
    now = clock.now()
    item = await repo.open_phone_item(session, task.id)
    if item is None:
        office_opens = rules.next_office_time(now, await load_calendar(session))
        await repo.insert_phone_item(
            session,
            {
                "id": new_id("pq"),
                "task_id": task.id,
                "open_task_id": task.id,
                "policy_no": task.policy_no,
                "customer_id": task.customer_id,
                "reason": reason,
                "status": "open",
                "callable_from": office_opens,
                "office_hours": rules.OFFICE_HOURS_TEXT,
                "answers": answers,
                "remark": remark,
                "attempts": 0,
                "created_at": now,
            },
        )
        item = await repo.open_phone_item(session, task.id)
        assert item is not None
        return item
    item.reason = reason
    if answers is not None:
        item.answers = answers
        item.remark = remark
    await session.flush()
    return item


async def record_phone_result(
    session: AsyncSession, item_id: str, outcome: str, note: str | None, staff_id: str
) -> PhoneQueueItem:
    """The call centre's result: completed -> task closed; no answer -> electronic route stays open."""
    item = await repo.get_phone_item(session, item_id, for_update=True)
    if item is None:
        raise PhoneItemNotFound("phone-queue item not found")
    if item.status == "done":
        if outcome == "completed" and item.outcome == "completed":
            return item  # a repeated "completed" has no second effect
        raise IllegalTransition(f"phone-queue item is already done ({item.outcome})")
    task = await repo.get_task(session, item.task_id, for_update=True)
    assert task is not None
    now = clock.now()
    item.attempts += 1
    item.last_attempt_at = now
    item.note = note
    await repo.add_phone_attempt(
        session, PhoneAttempt(item_id=item.id, outcome=outcome, note=note, staff_id=staff_id, at=now)
    )
    if outcome == "completed":
        close_item(item, "completed")
        task.electronic_open = False
        task.closed_at = now
        task.close_reason = "phone_completed"
        await set_status(session, task, "closed", outcome="closed")
    else:
        item.outcome = "no_answer"
        item.callable_from = rules.next_office_time(now + dt.timedelta(hours=1), await load_calendar(session))
        if item.reason != "problem" and task.electronic_eligible:
            task.electronic_open = True  # a failed call leaves (or re-opens) the electronic route
        task.updated_at = now
        await session.flush()
        await publish_change(session, task, task.status, outcome="phone_failed")
    return item
