"""The call-centre phone queue (``phone.py``, SPEC 5) at the use-case level, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.events import Topic
from services.revisit import phone, rules
from services.revisit import repository as repo
from services.revisit.errors import IllegalTransition, PhoneItemNotFound
from services.revisit.models import PhoneQueueItem
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at, deliver, new_customer, new_policy_no, outbox_events, policy_event
from vipkit import clock


async def queued(h: RevisitHarness, when: str, reason: rules.PhoneReason, **kw: Any) -> tuple[str, PhoneQueueItem]:
    """A new task (policy of 2026-05-08) put in the phone queue at ``when``; returns (policy no, item)."""
    policy_no = new_policy_no()
    assert await deliver(h.runner, policy_event(new_customer(), policy_no)) == "processed"
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session, session.begin():
            task = await repo.get_task_by_policy(session, policy_no)
            assert task is not None
            return policy_no, await phone.queue_for_phone(session, task, reason, **kw)


async def result(h: RevisitHarness, item_id: str, outcome: str, when: str) -> PhoneQueueItem:
    with clock.frozen(at(when)):
        async with h.db.sessionmaker() as session, session.begin():
            return await phone.record_phone_result(session, item_id, outcome, "note", "ops-1")


async def test_one_open_item_per_task_callable_from_the_next_office_opening(harness: RevisitHarness) -> None:
    policy_no, item = await queued(harness, "2026-05-09 20:00:00", "escalation")  # Saturday evening
    assert rules.local(item.callable_from) == at("2026-05-11 09:00:00")  # Monday 9:00
    assert (item.status, item.reason, item.attempts) == ("open", "escalation", 0)
    with clock.frozen(at("2026-05-11 10:00:00")):
        async with harness.db.sessionmaker() as session, session.begin():
            task = await repo.get_task_by_policy(session, policy_no)
            assert task is not None
            answers = [{"question_id": "q1", "answer": "no"}]
            again = await phone.queue_for_phone(session, task, "problem", answers=answers, remark="备注")
    assert again.id == item.id and again.reason == "problem" and again.answers == answers  # the latest reason


async def test_no_answer_keeps_the_item_open_an_hour_later_and_reopens_the_electronic_route(
    harness: RevisitHarness,
) -> None:
    policy_no, item = await queued(harness, "2026-05-11 10:00:00", "escalation")
    after = await result(harness, item.id, "no_answer", "2026-05-11 16:45:00")
    assert (after.status, after.outcome, after.attempts) == ("open", "no_answer", 1)
    assert rules.local(after.callable_from) == at("2026-05-12 09:00:00")  # 17:45 is after office hours
    async with harness.db.sessionmaker() as session:
        task = await repo.get_task_by_policy(session, policy_no)
        assert task is not None and task.electronic_open
    assert await outbox_events(harness.db, Topic.revisit_changed, policy_no=policy_no, outcome="phone_failed")


async def test_completed_closes_the_task_once_and_a_done_item_refuses_another_result(harness: RevisitHarness) -> None:
    policy_no, item = await queued(harness, "2026-05-11 10:00:00", "aborted")
    done = await result(harness, item.id, "completed", "2026-05-11 11:00:00")
    assert (done.status, done.outcome) == ("done", "completed")
    assert (await result(harness, item.id, "completed", "2026-05-11 11:05:00")).attempts == 1  # no second effect
    with pytest.raises(IllegalTransition):
        await result(harness, item.id, "no_answer", "2026-05-11 11:10:00")
    with pytest.raises(PhoneItemNotFound):
        await result(harness, "no-such-item", "completed", "2026-05-11 11:10:00")
    async with harness.db.sessionmaker() as session:
        task = await repo.get_task_by_policy(session, policy_no)
        assert task is not None and (task.status, task.close_reason) == ("closed", "phone_completed")
    assert len(await outbox_events(harness.db, Topic.revisit_changed, policy_no=policy_no, outcome="closed")) == 1
