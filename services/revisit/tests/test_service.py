"""The SPEC 5 schedule as the 10:00 job runs it: SMS batch, second SMS, phone escalation, idempotency."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select

from contracts.events import Topic
from services.revisit import repository as repo
from services.revisit import rules
from services.revisit.models import PhoneQueueItem, RevisitLink
from services.revisit.service import RunResult, run_due
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import at, deliver, new_customer, new_policy_no, outbox_events, policy_event
from vipkit import clock


async def run(h: RevisitHarness, when: str) -> RunResult:
    as_of = at(when)
    with clock.frozen(as_of):
        async with h.db.sessionmaker() as session, session.begin():
            return await run_due(session, h.settings, as_of)


async def new_task(h: RevisitHarness, underwritten: str, **overrides: Any) -> tuple[str, str]:
    customer, policy_no = new_customer(), new_policy_no()
    u = at(underwritten)
    overrides.setdefault("effective_date", (u.date() + dt.timedelta(days=1)).isoformat())
    overrides.setdefault("cooling_off_end", (u.date() + dt.timedelta(days=16)).isoformat())
    raw = policy_event(customer, policy_no, underwritten_at=u.isoformat(), **overrides)
    assert await deliver(h.runner, raw) == "processed"
    return customer, policy_no


async def status_of(h: RevisitHarness, policy_no: str) -> str:
    async with h.db.sessionmaker() as session:
        task = await repo.get_task_by_policy(session, policy_no)
        assert task is not None
        return task.status


async def test_sms_batch_window_edges_0959_59_in_today_1000_00_in_tomorrow(harness: RevisitHarness) -> None:
    customer_a, in_today = await new_task(harness, "2026-05-08 09:59:59")
    _, tomorrow = await new_task(harness, "2026-05-08 10:00:00")

    first = await run(harness, "2026-05-08 10:00:00")
    assert in_today in first.first_sms and tomorrow not in first.first_sms
    assert await status_of(harness, in_today) == "sms_sent"
    assert await status_of(harness, tomorrow) == "pending"

    second = await run(harness, "2026-05-09 10:00:00")
    assert tomorrow in second.first_sms and in_today not in second.first_sms

    sms = await outbox_events(harness.db, Topic.notification_requested.value, customer_id=customer_a)
    assert len(sms) == 1
    data = sms[0]["data"]
    assert data["template"] == "revisit_first_sms" and data["channel"] == "sms"
    assert data["mobile"] == "13800138000" and data["reference"] == in_today
    assert data["text"].startswith("【长生人寿】尊敬的丁华清先生")
    token = re.search(r"http://127\.0\.0\.1:8000/r/([A-Za-z0-9_-]{43}) ", data["text"])
    assert token, data["text"]
    async with harness.db.sessionmaker() as session:
        link = (
            await session.execute(select(RevisitLink).where(RevisitLink.token_hash == rules.hash_token(token.group(1))))
        ).scalar_one()
        assert link.purpose == "first_sms"
        assert rules.local(link.expires_at) == at("2026-06-07 10:00:00")  # 30 days after issue
        assert token.group(1) not in {link.token_hash, link.id}  # only the hash is stored


async def test_run_is_idempotent_for_the_same_or_an_earlier_as_of(harness: RevisitHarness) -> None:
    customer, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    assert policy_no in (await run(harness, "2026-05-09 10:00:00")).first_sms
    again = await run(harness, "2026-05-09 10:00:00")
    assert policy_no not in again.first_sms + again.second_sms + again.escalated
    assert policy_no not in (await run(harness, "2026-05-09 09:00:00")).first_sms
    assert len(await outbox_events(harness.db, Topic.notification_requested.value, customer_id=customer)) == 1


async def test_missed_batch_is_caught_up_by_a_later_run(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    assert policy_no in (await run(harness, "2026-05-10 14:00:00")).first_sms


async def test_second_sms_three_days_after_the_first_if_not_done(harness: RevisitHarness) -> None:
    customer, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    await run(harness, "2026-05-09 10:00:00")
    assert policy_no not in (await run(harness, "2026-05-12 09:59:59")).second_sms
    assert policy_no in (await run(harness, "2026-05-12 10:00:00")).second_sms
    assert policy_no not in (await run(harness, "2026-05-12 10:00:00")).second_sms
    sms = await outbox_events(harness.db, Topic.notification_requested.value, customer_id=customer)
    assert [e["data"]["template"] for e in sms] == ["revisit_first_sms", "revisit_second_sms"]
    assert "尚未完成电子化回访" in sms[1]["data"]["text"]
    tokens = [re.search(r"/r/(\S+) ", e["data"]["text"]).group(1) for e in sms]  # type: ignore[union-attr]
    assert tokens[0] != tokens[1]  # each SMS carries its own link (both stay valid)


async def test_no_second_sms_once_the_revisit_is_done(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-05-08 15:30:00")
    await run(harness, "2026-05-09 10:00:00")
    async with harness.db.sessionmaker() as session, session.begin():
        task = await repo.get_task_by_policy(session, policy_no, for_update=True)
        assert task is not None
        task.status, task.electronic_open = "completed", False
    result = await run(harness, "2026-05-13 10:00:00")
    assert policy_no not in result.second_sms and policy_no not in result.escalated


async def test_phone_escalation_when_not_completed_within_three_days_after_the_effective_date(
    harness: RevisitHarness,
) -> None:
    customer, policy_no = await new_task(harness, "2026-05-08 15:30:00")  # effective 05-09
    await run(harness, "2026-05-09 10:00:00")
    assert policy_no not in (await run(harness, "2026-05-12 10:00:00")).escalated  # 3rd day after: still time
    assert policy_no in (await run(harness, "2026-05-13 10:00:00")).escalated
    assert await status_of(harness, policy_no) == "phone_queue"
    async with harness.db.sessionmaker() as session:
        items = (
            (await session.execute(select(PhoneQueueItem).where(PhoneQueueItem.policy_no == policy_no))).scalars().all()
        )
    assert [(i.reason, i.status, i.office_hours) for i in items] == [("escalation", "open", "工作日 9:00-17:30")]
    assert rules.local(items[0].callable_from) == at("2026-05-13 10:00:00")  # Wednesday, inside office hours
    changes = await outbox_events(harness.db, Topic.revisit_changed.value, customer_id=customer)
    assert [(e["data"]["from_status"], e["data"]["to_status"]) for e in changes] == [
        (None, "pending"),
        ("pending", "sms_sent"),
        ("sms_sent", "phone_queue"),
    ]


async def test_escalation_on_a_holiday_is_callable_from_the_next_working_morning(harness: RevisitHarness) -> None:
    _, policy_no = await new_task(harness, "2026-09-27 15:00:00")  # effective 09-28 -> due 10-02 00:00
    await run(harness, "2026-09-28 10:00:00")
    assert policy_no in (await run(harness, "2026-10-02 10:00:00")).escalated
    async with harness.db.sessionmaker() as session:
        item = (await session.execute(select(PhoneQueueItem).where(PhoneQueueItem.policy_no == policy_no))).scalar_one()
    assert rules.local(item.callable_from) == at("2026-10-08 09:00:00")


async def test_first_sms_is_sent_even_when_the_task_was_escalated_before_its_10_00_batch(
    harness: RevisitHarness,
) -> None:
    """SPEC 5: escalation puts the task in the phone queue, but the electronic route stays open."""
    # effective 05-08, underwritten (and first seen) 05-12 11:00: escalation is due 05-12 00:00,
    # the first SMS batch is 05-13 10:00
    customer, policy_no = await new_task(
        harness, "2026-05-12 11:00:00", effective_date="2026-05-08", cooling_off_end="2026-05-23"
    )
    early = await run(harness, "2026-05-12 12:00:00")  # an ops run before the batch
    assert policy_no in early.escalated and policy_no not in early.first_sms
    assert await status_of(harness, policy_no) == "phone_queue"
    batch = await run(harness, "2026-05-13 10:00:00")
    assert policy_no in batch.first_sms
    assert await status_of(harness, policy_no) == "phone_queue"  # still called by the call centre
    sms = await outbox_events(harness.db, Topic.notification_requested.value, customer_id=customer)
    assert [e["data"]["template"] for e in sms] == ["revisit_first_sms"]
    second = await run(harness, "2026-05-16 10:00:00")
    assert policy_no in second.second_sms
    assert policy_no not in (await run(harness, "2026-05-16 10:00:00")).first_sms
