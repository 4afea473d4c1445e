"""The daily SMS batch set-wise (issue 17), chunk by chunk: every due task once, its link, its
status, and its outbox rows in the per-task order; a task escalated before its batch keeps its queue."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, update

from contracts.events import Topic
from services.revisit import batch, rules
from services.revisit.models import RevisitLink, RevisitTask
from services.revisit.service import RunResult, run_due
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at, deliver, new_customer, new_policy_no, policy_event
from vipkit import clock
from vipkit.db import outbox_table


async def run(h: RevisitHarness, when: str) -> RunResult:
    as_of = at(when)
    with clock.frozen(as_of):
        async with h.db.sessionmaker() as session, session.begin():
            return await run_due(session, h.settings, as_of)


async def topics_of(h: RevisitHarness, customer_id: str) -> list[tuple[str, str | None]]:
    """The customer's outbox rows in write order: (topic, to_status or template)."""
    async with h.db.sessionmaker() as session:
        rows = await session.execute(
            select(outbox_table.c.topic, outbox_table.c.payload)
            .where(outbox_table.c.key == customer_id)
            .order_by(outbox_table.c.id)
        )
        out = []
        for topic, payload in rows:
            data = json.loads(payload)["data"]
            out.append((topic, data.get("to_status") or data.get("template")))
        return out


async def test_a_batch_of_several_chunks_sends_each_first_sms_once_in_the_per_task_order(
    harness: RevisitHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "CHUNK", 2)
    tasks = []
    for _ in range(5):
        customer, policy_no = new_customer(), new_policy_no()
        raw = policy_event(
            customer,
            policy_no,
            underwritten_at=at("2026-05-08 15:30:00").isoformat(),
            effective_date="2026-05-09",
            cooling_off_end="2026-05-24",
        )
        assert await deliver(harness.runner, raw) == "processed"
        tasks.append((customer, policy_no))
    escalated_customer, escalated = tasks[2]
    async with harness.db.sessionmaker() as session, session.begin():  # escalated before its batch
        await session.execute(
            update(RevisitTask).where(RevisitTask.policy_no == escalated).values(status="phone_queue")
        )

    result = await run(harness, "2026-05-09 10:00:00")
    assert sorted(result.first_sms) == sorted(p for _, p in tasks)
    assert (await run(harness, "2026-05-09 10:00:00")).first_sms == []

    async with harness.db.sessionmaker() as session:
        rows = (await session.execute(select(RevisitTask).order_by(RevisitTask.id))).scalars().all()
        links = (await session.execute(select(RevisitLink))).scalars().all()
    assert {t.policy_no: t.status for t in rows} == {
        p: "phone_queue" if p == escalated else "sms_sent" for _, p in tasks
    }
    assert {rules.local(t.first_sms_at) for t in rows} == {at("2026-05-09 10:00:00")}  # type: ignore[arg-type]
    assert {rules.local(t.second_sms_due_at) for t in rows} == {at("2026-05-12 10:00:00")}  # type: ignore[arg-type]
    assert sorted(link.task_id for link in links) == sorted(t.id for t in rows)
    assert {link.purpose for link in links} == {"first_sms"}

    customer = tasks[0][0]
    assert await topics_of(harness, customer) == [
        (Topic.revisit_changed.value, "pending"),
        (Topic.notification_requested.value, "revisit_first_sms"),
        (Topic.revisit_changed.value, "sms_sent"),
    ]
    assert await topics_of(harness, escalated_customer) == [
        (Topic.revisit_changed.value, "pending"),
        (Topic.notification_requested.value, "revisit_first_sms"),
    ]

    second = await run(harness, "2026-05-12 10:00:00")
    assert sorted(second.second_sms) == sorted(p for _, p in tasks)
    assert (await topics_of(harness, customer))[-1] == (Topic.notification_requested.value, "revisit_second_sms")


async def test_with_commit_each_chunk_is_committed_with_its_outbox_rows_before_the_next_is_read(
    harness: RevisitHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "CHUNK", 2)
    for _ in range(5):
        raw = policy_event(
            new_customer(),
            new_policy_no(),
            underwritten_at=at("2026-05-08 15:30:00").isoformat(),
            effective_date="2026-05-09",
            cooling_off_end="2026-05-24",
        )
        assert await deliver(harness.runner, raw) == "processed"
    seen: list[tuple[int, int]] = []  # (tasks sent, SMS requests in the outbox) as another session sees them
    as_of = at("2026-05-09 10:00:00")
    with clock.frozen(as_of):
        async with harness.db.sessionmaker() as session:

            async def commit() -> None:
                await session.commit()
                async with harness.db.sessionmaker() as other:
                    sent = await other.scalar(select(func.count()).where(RevisitTask.first_sms_at.is_not(None)))
                    requests = await other.scalar(
                        select(func.count()).where(outbox_table.c.topic == Topic.notification_requested.value)
                    )
                seen.append((int(sent or 0), int(requests or 0)))

            result = await run_due(session, harness.settings, as_of, commit)
            await session.commit()
    assert len(result.first_sms) == 5
    assert seen == [(2, 2), (4, 4), (5, 5)]
