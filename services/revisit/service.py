"""Revisit use cases: intake of new policies (``policy.changed.v1``), the daily run (SMS batches,
second SMS, phone escalation) and the ops views. Module functions taking the caller's session.

The request's (or consumer's) session owns the transaction: everything here adds and flushes.
Links are in ``links``, the questionnaire in ``questionnaire``, the phone queue in ``phone``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import PolicyChangedV1
from services.revisit import mapping, rules
from services.revisit import repository as repo
from services.revisit.batch import Commit, send_due_sms
from services.revisit.errors import TaskNotFound
from services.revisit.events import new_id, publish_change, set_status
from services.revisit.models import RevisitTask
from services.revisit.phone import close_item, queue_for_phone
from services.revisit.settings import RevisitSettings
from vipkit import clock


@dataclass
class RunResult:
    as_of: dt.datetime
    first_sms: list[str] = field(default_factory=list)
    second_sms: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)


async def handle_policy_changed(session: AsyncSession, data: PolicyChangedV1) -> RevisitTask | None:
    """Create one task per qualifying new policy; later updates of the same policy create nothing."""
    now = clock.now()
    existing = await repo.get_task_by_policy(session, data.policy_no, for_update=True)
    if existing is not None:
        await apply_policy_update(session, existing, data)
        return None
    facts = mapping.facts_of_document(
        data.policy_no,
        data.policy,
        holder_customer_id=data.holder_customer_id,
        first_policy_of_holder=data.first_policy_of_holder,
    )
    decision = rules.decide_task(facts, now)
    if not decision.create:
        return None
    task_id = new_id("rv")
    inserted = await repo.insert_task(session, mapping.task_row(task_id, data, facts, decision, now))
    if not inserted:  # a concurrent delivery of the same policy won the race
        return None
    task = await repo.get_task(session, task_id, for_update=True)
    assert task is not None
    await publish_change(session, task, None)
    if not decision.electronic:
        await queue_for_phone(session, task, "not_eligible")
    return task


async def apply_policy_update(session: AsyncSession, task: RevisitTask, data: PolicyChangedV1) -> None:
    """Keep the contact mobile current; a policy cancelled or ended before the revisit closes the task."""
    mobile = data.policy.holder.mobile
    if mobile and mobile != task.holder_mobile:
        task.holder_mobile = mobile
        task.updated_at = clock.now()
    status = data.policy.status.value
    if status != "in_force" and task.status not in rules.FINISHED_STATUSES:
        task.electronic_open = False
        task.close_reason = f"policy_{status}"
        task.closed_at = clock.now()
        item = await repo.open_phone_item(session, task.id)
        if item is not None:
            close_item(item, f"policy_{status}")
        await set_status(session, task, "closed")
    await session.flush()


async def run_due(
    session: AsyncSession, settings: RevisitSettings, as_of: dt.datetime, commit: Commit | None = None
) -> RunResult:
    """Everything due by ``as_of``; running it again (same or earlier ``as_of``) does nothing new.
    ``commit``: the SMS batches commit chunk by chunk (``batch.py``); the caller commits the rest."""
    as_of = rules.local(as_of)
    result = RunResult(as_of=as_of)
    result.first_sms = await send_due_sms(session, settings, as_of, "first_sms", commit)
    result.second_sms = await send_due_sms(session, settings, as_of, "second_sms", commit)
    for task in await repo.tasks_due_escalation(session, as_of):
        task.phone_reason = "escalation"
        await set_status(session, task, "phone_queue")
        await queue_for_phone(session, task, "escalation")
        result.escalated.append(task.policy_no)
    await session.flush()
    return result


async def customer_revisits(session: AsyncSession, customer_id: str) -> list[RevisitTask]:
    """WeChat entry: what the customer may answer now (first-time: effective + 1 day; returning: +5 min)."""
    now = clock.now()
    tasks = await repo.customer_tasks_open_electronically(session, customer_id, now)
    return [t for t in tasks if t.identity_locked_until is None or t.identity_locked_until <= now]


async def task_detail(session: AsyncSession, task_id: str) -> dict[str, Any]:
    task = await repo.get_task(session, task_id)
    if task is None:
        raise TaskNotFound("revisit not found")
    return {
        "task": task,
        "links": await repo.links_of_task(session, task_id),
        "sessions": await repo.sessions_of_task(session, task_id),
        "identity_attempts": await repo.identity_attempts_of_task(session, task_id),
        "refused_submissions": await repo.submission_attempts_of_task(session, task_id),
        "phone_items": await repo.phone_items_of_task(session, task_id),
    }
