"""Consuming policy.changed.v1 (SPEC 5): one task per new individual policy longer than one year."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from contracts.events import Topic
from services.revisit.consumers import consumer_specs
from services.revisit.main import MIGRATIONS_DIR, create_app
from services.revisit.models import PhoneQueueItem, RevisitTask
from services.revisit.settings import RevisitSettings
from services.revisit.tests.conftest import RevisitHarness
from services.revisit.tests.helpers import (
    STAFF,
    at,
    deliver,
    new_customer,
    new_policy_no,
    outbox_events,
    policy_event,
    task_of,
)
from vipkit.kafka import start_producer
from vipkit.settings import CommonSettings
from vipkit.testing import DatabaseFactory, TopicWatcher, app_client, wait_for


async def count_tasks(h: RevisitHarness, policy_no: str) -> int:
    async with h.db.sessionmaker() as session:
        return int((await session.execute(select(func.count()).where(RevisitTask.policy_no == policy_no))).scalar_one())


async def test_new_policy_creates_one_task_idempotent_on_redelivery_and_updates(harness: RevisitHarness) -> None:
    customer, policy_no = new_customer(), new_policy_no()
    raw = policy_event(customer, policy_no)
    assert await deliver(harness.runner, raw) == "processed"
    assert await deliver(harness.runner, raw) == "duplicate"  # same event id: inbox
    update = policy_event(customer, policy_no, change="updated", seen_at=at("2026-05-10 09:00:00"))
    assert await deliver(harness.runner, update) == "processed"  # new event id, same policy
    assert await count_tasks(harness, policy_no) == 1

    task = await task_of(harness.client, policy_no)
    assert task["status"] == "pending" and task["electronic_eligible"] is True
    assert task["first_sms_due_at"] == "2026-05-09T10:00:00+08:00"
    assert task["escalation_due_at"] == "2026-05-13T00:00:00+08:00"
    assert task["wechat_from"] == "2026-05-10T00:00:00+08:00"
    assert task["holder_id_no"] == "110101********1234" and task["holder_mobile"] == "138****8000"
    assert task["annual_premium"] == "3233.00"
    created = await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no)
    assert [(e["data"]["from_status"], e["data"]["to_status"]) for e in created] == [(None, "pending")]


@pytest.mark.parametrize(
    ("overrides", "why"),
    [
        ({"coverage_years": 1}, "one-year policies are skipped"),
        ({"channel": "group"}, "group business is not individual"),
        ({"status": "cancelled_in_cooling_off"}, "not in force"),
    ],
)
async def test_policies_without_revisit_get_no_task(
    harness: RevisitHarness, overrides: dict[str, Any], why: str
) -> None:
    policy_no = new_policy_no()
    assert await deliver(harness.runner, policy_event(new_customer(), policy_no, **overrides)) == "processed"
    assert await count_tasks(harness, policy_no) == 0, why


async def test_policy_first_seen_after_its_cooling_off_period_gets_no_task(harness: RevisitHarness) -> None:
    policy_no = new_policy_no()
    raw = policy_event(new_customer(), policy_no, seen_at=at("2026-05-25 08:00:00"))  # cooling-off ended 05-24
    assert await deliver(harness.runner, raw) == "processed"
    assert await count_tasks(harness, policy_no) == 0


async def test_non_eligible_policy_goes_straight_to_the_phone_queue(harness: RevisitHarness) -> None:
    customer, policy_no = new_customer(), new_policy_no()
    raw = policy_event(customer, policy_no, holder={"id_type": "passport", "id_no": "E12345678"})
    await deliver(harness.runner, raw)
    task = await task_of(harness.client, policy_no)
    assert task["status"] == "phone_queue" and task["phone_reason"] == "not_eligible"
    assert task["electronic_open"] is False
    queue = (await harness.client.get("/api/v1/phone-queue", params={"customer_id": customer}, headers=STAFF)).json()
    assert [(i["policy_no"], i["reason"], i["office_hours"]) for i in queue["items"]] == [
        (policy_no, "not_eligible", "工作日 9:00-17:30")
    ]
    # seen Fri 2026-05-08 15:31 (a working day, office open)
    assert queue["items"][0]["callable_from"] == "2026-05-08T15:31:00+08:00"
    events = await outbox_events(harness.db, Topic.revisit_changed.value, policy_no=policy_no)
    assert [e["data"]["to_status"] for e in events] == ["phone_queue"]


async def test_policy_cancelled_in_cooling_off_closes_its_open_task(harness: RevisitHarness) -> None:
    customer, policy_no = new_customer(), new_policy_no()
    await deliver(harness.runner, policy_event(customer, policy_no, electronic_contract=False))
    cancel = policy_event(
        customer,
        policy_no,
        change="updated",
        electronic_contract=False,
        status="cancelled_in_cooling_off",
        seen_at=at("2026-05-12 11:00:00"),
    )
    await deliver(harness.runner, cancel)
    task = await task_of(harness.client, policy_no)
    assert task["status"] == "closed" and task["close_reason"] == "policy_cancelled_in_cooling_off"
    async with harness.db.sessionmaker() as session:
        items = (
            (await session.execute(select(PhoneQueueItem).where(PhoneQueueItem.policy_no == policy_no))).scalars().all()
        )
    assert [(i.status, i.outcome) for i in items] == [("done", "policy_cancelled_in_cooling_off")]


async def test_real_consumer_group_creates_the_task_and_publishes_revisit_changed(
    db_factory: DatabaseFactory, common_settings: CommonSettings, kafka_bootstrap: str
) -> None:
    """Through the real broker: tiering's event in, the task, and revisit.changed.v1 out."""
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    settings = RevisitSettings(database_url=url)
    app = create_app(settings, common_settings)
    customer, policy_no = new_customer(), new_policy_no()
    async with TopicWatcher(kafka_bootstrap, Topic.revisit_changed.value) as watcher, app_client(app) as client:
        runner = app.state.runtime.consumers[0]
        await runner.wait_assigned(timeout=60)
        producer = await start_producer(common_settings, client_id=f"test-{uuid.uuid4().hex[:6]}")
        try:
            await producer.send_and_wait(
                Topic.policy_changed.value, policy_event(customer, policy_no), key=customer.encode()
            )
        finally:
            await producer.stop()

        async def created() -> bool:
            res = await client.get("/api/v1/revisits", params={"policy_no": policy_no}, headers=STAFF)
            return bool(res.json()["items"])

        await wait_for(created, timeout=30, what="task created by the consumer")
        events = await watcher.wait(Topic.revisit_changed.value, customer_id=customer, timeout=30)
        assert events[0]["key"] == customer
        assert events[0]["value"]["data"]["to_status"] == "pending"
    assert consumer_specs(settings)[0].topics == [Topic.policy_changed.value]
    db_factory.drop(url)
