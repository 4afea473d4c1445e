"""revisit repository.py: task reads and their filters, keyset paging and due queries, on SQLite and
PostgreSQL (tasks are created the real way, from policy.changed.v1)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect

from services.revisit import repository as repo
from services.revisit.models import RevisitTask
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at
from services.revisit.tests.test_service import new_task

SECOND = dt.timedelta(seconds=1)


async def task(h: RevisitHarness, policy_no: str) -> RevisitTask:
    async with h.db.sessionmaker() as session:
        row = await repo.get_task_by_policy(session, policy_no)
    assert row is not None
    return row


async def test_insert_task_is_once_per_policy(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    existing = await task(harness, policy_no)
    values = {c.key: getattr(existing, c.key) for c in inspect(RevisitTask).mapper.column_attrs}
    async with harness.db.sessionmaker() as session, session.begin():
        assert await repo.insert_task(session, {**values, "id": "rv_other"}) is False  # same policy_no
        assert await repo.get_task(session, "rv_other") is None
        locked = await repo.get_task(session, existing.id, for_update=True)
        assert locked is not None and locked.policy_no == policy_no
        assert await repo.get_task_by_policy(session, "PNOPE") is None


async def test_list_tasks_filters_and_pages_newest_first(harness: RevisitHarness) -> None:
    customer, first = await new_task(harness, "2026-05-08 15:30:00")
    _, second = await new_task(harness, "2026-05-08 15:31:00")
    _, third = await new_task(harness, "2026-05-08 15:32:00")
    async with harness.db.sessionmaker() as session:
        everything = await repo.list_tasks(session)
        page = await repo.list_tasks(session, limit=1)
        rest = await repo.list_tasks(session, after=(page[0].created_at, page[0].id))
        by_customer = await repo.list_tasks(session, customer_id=customer)
        by_policy = await repo.list_tasks(session, policy_no=second)
        by_status = await repo.list_tasks(session, status="closed")
    assert [t.policy_no for t in everything] == [third, second, first]
    assert len(page) == 2  # limit + 1: the caller sees there is a next page
    assert [t.policy_no for t in rest] == [second, first]
    assert [t.policy_no for t in by_customer] == [first]
    assert [t.policy_no for t in by_policy] == [second]
    assert by_status == []


async def test_tasks_due_escalation_at_their_due_time(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    due = (await task(harness, policy_no)).escalation_due_at
    async with harness.db.sessionmaker() as session, session.begin():
        assert await repo.tasks_due_escalation(session, due - SECOND) == []
        assert [t.policy_no for t in await repo.tasks_due_escalation(session, due)] == [policy_no]


async def test_open_electronic_tasks_of_a_customer_from_their_wechat_time(harness: RevisitHarness) -> None:
    customer, older = await new_task(harness, "2026-05-08 15:30:00")
    row = await task(harness, older)
    async with harness.db.sessionmaker() as session:
        assert await repo.customer_tasks_open_electronically(session, customer, row.wechat_from - SECOND) == []
        found = await repo.customer_tasks_open_electronically(session, customer, row.wechat_from)
        assert [t.policy_no for t in found] == [older]
        assert await repo.customer_tasks_open_electronically(session, "COTHER", at("2027-01-01 00:00:00")) == []
