"""batch_repository.py: the SMS batch SQL chunk by chunk — which tasks are due for the first and the
second SMS, id-ordered chunks after a cursor, and the one UPDATE per chunk (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from services.revisit import batch_repository as batch_repo
from services.revisit import repository as repo
from services.revisit.models import RevisitTask
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at
from services.revisit.tests.test_service import new_task

SECOND = dt.timedelta(seconds=1)
NOW = at("2026-05-09 10:00:05")


async def tasks(h: RevisitHarness, *policy_nos: str) -> list[RevisitTask]:
    async with h.db.sessionmaker() as session:
        rows = [await repo.get_task_by_policy(session, p) for p in policy_nos]
    assert all(r is not None for r in rows)
    return [r for r in rows if r is not None]


async def chunk_ids(
    h: RevisitHarness, kind: batch_repo.SmsKind, as_of: dt.datetime, after: str = "", limit: int = 50
) -> list[str]:
    async with h.db.sessionmaker() as session, session.begin():
        return [r.id for r in await batch_repo.due_chunk(session, kind, as_of, after, limit)]


async def test_first_sms_chunks_are_due_tasks_in_id_order_after_the_cursor(harness: RevisitHarness) -> None:
    policies = [(await new_task(harness, f"2026-05-08 15:3{i}:00"))[1] for i in range(3)]
    rows = await tasks(harness, *policies)
    due = max(r.first_sms_due_at for r in rows)
    ids = sorted(r.id for r in rows)
    assert await chunk_ids(harness, "first_sms", min(r.first_sms_due_at for r in rows) - SECOND) == []
    assert await chunk_ids(harness, "first_sms", due) == ids
    assert await chunk_ids(harness, "first_sms", due, limit=2) == ids[:2]
    assert await chunk_ids(harness, "first_sms", due, after=ids[1]) == ids[2:]
    assert await chunk_ids(harness, "second_sms", at("2027-01-01 00:00:00")) == []  # no first SMS yet


async def test_marking_the_first_sms_sets_its_time_the_second_due_and_sms_sent(harness: RevisitHarness) -> None:
    _, a = await new_task(harness, "2026-05-08 15:30:00")
    _, b = await new_task(harness, "2026-05-08 15:31:00")
    row_a, row_b = await tasks(harness, a, b)
    as_of = max(row_a.first_sms_due_at, row_b.first_sms_due_at)
    second_due = as_of + dt.timedelta(days=2)
    async with harness.db.sessionmaker() as session, session.begin():
        await batch_repo.mark_sms_sent(session, "first_sms", [row_a.id], as_of, NOW, second_due)
    sent, untouched = await tasks(harness, a, b)
    assert (sent.status, sent.first_sms_at, sent.second_sms_due_at, sent.updated_at) == (
        "sms_sent", as_of, second_due, NOW)  # fmt: skip
    assert (untouched.status, untouched.first_sms_at) == (row_b.status, None)
    assert await chunk_ids(harness, "first_sms", as_of) == [row_b.id]
    assert await chunk_ids(harness, "second_sms", second_due - SECOND) == []
    assert await chunk_ids(harness, "second_sms", second_due) == [row_a.id]
    async with harness.db.sessionmaker() as session, session.begin():
        await batch_repo.mark_sms_sent(session, "second_sms", [row_a.id], second_due, NOW)
    [done] = await tasks(harness, a)
    assert (done.second_sms_at, done.status) == (second_due, "sms_sent")
    assert await chunk_ids(harness, "second_sms", second_due) == []


async def test_a_task_in_the_phone_queue_keeps_its_status_when_its_first_sms_goes(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    [row] = await tasks(harness, policy_no)
    async with harness.db.sessionmaker() as session, session.begin():
        locked = await repo.get_task(session, row.id, for_update=True)
        assert locked is not None
        locked.status = "phone_queue"
    assert await chunk_ids(harness, "first_sms", row.first_sms_due_at) == [row.id]
    async with harness.db.sessionmaker() as session, session.begin():
        await batch_repo.mark_sms_sent(session, "first_sms", [row.id], row.first_sms_due_at, NOW, NOW)
    [after] = await tasks(harness, policy_no)
    assert (after.status, after.first_sms_at) == ("phone_queue", row.first_sms_due_at)
