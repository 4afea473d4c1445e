"""revisit.changed.v1 in the outbox, written in the caller's transaction (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from contracts.events import Topic
from services.revisit import repository as repo
from services.revisit.events import new_id, publish_change, set_status
from services.revisit.models import RevisitTask
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at, deliver, new_customer, new_policy_no, outbox_events, policy_event
from vipkit import clock
from vipkit.db import outbox_table

TOPIC = Topic.revisit_changed.value


class Aborted(Exception):
    """The caller's transaction fails after the event was added."""


async def new_task(h: RevisitHarness) -> tuple[str, str]:
    customer, policy_no = new_customer(), new_policy_no()
    assert await deliver(h.runner, policy_event(customer, policy_no)) == "processed"
    return customer, policy_no


async def task_by_policy(h: RevisitHarness, policy_no: str) -> RevisitTask:
    async with h.db.sessionmaker() as session:
        task = await repo.get_task_by_policy(session, policy_no)
    assert task is not None
    return task


def test_new_id_is_prefixed_and_unique() -> None:
    ids = {new_id("rv") for _ in range(50)}
    assert len(ids) == 50
    assert all(re.fullmatch(r"rv_[0-9a-f]{32}", i) for i in ids)


async def test_set_status_updates_the_task_and_publishes_from_and_to(harness: RevisitHarness) -> None:
    customer, policy_no = await new_task(harness)
    before = await task_by_policy(harness, policy_no)
    later = at("2026-05-12 09:00:00")
    answers = [{"question": "q1", "answer": "yes"}]
    with clock.frozen(later):
        async with harness.db.sessionmaker() as session, session.begin():
            task = await repo.get_task(session, before.id, for_update=True)
            assert task is not None
            await set_status(session, task, "completed", outcome="completed", answers=answers, remark="备注")
    after = await task_by_policy(harness, policy_no)
    assert after.status == "completed"
    assert after.updated_at == later
    [event] = await outbox_events(harness.db, TOPIC, task_id=before.id, to_status="completed")
    assert event["data"] == {
        "task_id": before.id,
        "policy_no": policy_no,
        "customer_id": customer,
        "from_status": before.status,
        "to_status": "completed",
        "outcome": "completed",
        "answers": answers,
        "remark": "备注",
    }
    assert event["source"] == "revisit"


async def test_the_event_is_keyed_by_customer_and_rolls_back_with_the_caller(harness: RevisitHarness) -> None:
    customer, policy_no = await new_task(harness)
    task = await task_by_policy(harness, policy_no)
    created = await outbox_events(harness.db, TOPIC, task_id=task.id)
    assert [e["data"]["from_status"] for e in created] == [None]  # the creation event
    with pytest.raises(Aborted):
        async with harness.db.sessionmaker() as session, session.begin():
            row = await repo.get_task(session, task.id, for_update=True)
            assert row is not None
            await publish_change(session, row, row.status, remark="never committed")
            raise Aborted
    assert len(await outbox_events(harness.db, TOPIC, task_id=task.id)) == 1
    async with harness.db.sessionmaker() as session:
        keys = (await session.execute(select(outbox_table.c.key, outbox_table.c.payload))).all()
    assert {k for k, p in keys if json.loads(p)["data"].get("task_id") == task.id} == {customer}
