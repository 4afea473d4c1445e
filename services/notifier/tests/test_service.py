"""Use cases on a real database (SQLite and PostgreSQL): store, deliver, retry, give up, never twice."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import update

from contracts.events import CloudEvent
from services.notifier import repository, service
from services.notifier.adapters import DeliveryResult, OutgoingMessage, build_adapters
from services.notifier.models import Notification
from services.notifier.settings import NotifierSettings
from services.notifier.tests.conftest import (
    MASKED,
    MOBILE,
    TEXT,
    DeliveryWorker,
    FakeProvider,
    make_event,
    new_customer,
    next_attempt,
    notifier_settings,
)
from vipkit import clock
from vipkit.db import Database
from vipkit.durable_ops import list_jobs, retry_job
from vipkit.plumbing import durable_jobs_table
from vipkit.testing import wait_for


async def store(db: Database, event: CloudEvent) -> bool:
    """What the consumer does in its transaction (here without the inbox in front)."""
    async with db.sessionmaker() as session, session.begin():
        return await service.store_requested(session, event)


async def load(db: Database, event_id: str) -> Notification:
    async with db.sessionmaker() as session:
        notification = await repository.get_by_event_id(session, event_id)
        assert notification is not None
        return notification


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=2) as client:
        yield client


def worker_for(db: Database, settings: NotifierSettings, http: httpx.AsyncClient) -> DeliveryWorker:
    return DeliveryWorker(db, settings, build_adapters(settings, http))


async def test_requested_notification_is_stored_queued_then_the_worker_sends_it_through_the_sink(
    db: Database, db_url: str, http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="notifier.adapters")
    event = make_event(new_customer())
    at = dt.datetime(2026, 5, 9, 10, 0, tzinfo=clock.SHANGHAI)
    with clock.frozen(at):
        assert await store(db, event)
    queued = await load(db, event.id)
    assert (queued.status, queued.attempt_count, queued.created_at) == ("queued", 0, at)
    assert (queued.text, queued.mobile, queued.channel, queued.source_service) == (TEXT, MOBILE, "sms", "revisit")

    worker = worker_for(db, notifier_settings(db_url), http)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 0  # nothing left due

    sent = await load(db, event.id)
    assert sent.status == "sent" and sent.sent_at is not None and sent.attempt_count == 1
    [attempt] = sent.attempts
    assert (attempt.adapter, attempt.outcome, attempt.attempt_no) == ("sink-sms", "sent", 1)
    assert attempt.provider_message_id == f"sink-{sent.id}"
    recorded = json.loads(attempt.payload or "{}")
    assert recorded == {"mobile": MASKED, "text": TEXT, "reference": "P2026050801"}  # what would be sent, masked
    [line] = [r for r in caplog.records if r.getMessage() == "notification sink: would send"]
    assert line.mobile == MASKED and line.text == TEXT  # type: ignore[attr-defined]
    assert MOBILE not in caplog.text


async def test_duplicate_request_same_event_id_is_stored_once_and_sent_once(
    db: Database, db_url: str, http: httpx.AsyncClient
) -> None:
    event = make_event(new_customer())
    assert await store(db, event) is True
    assert await store(db, event) is False  # the unique event id, even without the inbox
    worker = worker_for(db, notifier_settings(db_url), http)
    assert await worker.run_once() == 1
    assert await store(db, event) is False  # redelivered after it was sent
    assert await worker.run_once() == 0
    notification = await load(db, event.id)
    assert notification.status == "sent" and len(notification.attempts) == 1


async def test_sms_gateway_failing_twice_is_retried_with_backoff_and_finally_sent(
    db: Database, db_url: str, http: httpx.AsyncClient, provider: FakeProvider
) -> None:
    provider.fail_first = 2
    settings = notifier_settings(db_url, sms_url=provider.url, sms_key=provider.key)
    event = make_event(new_customer())
    await store(db, event)
    worker = worker_for(db, settings, http)
    worker.start()
    try:
        await wait_for(lambda: _status_is(db, event.id, "sent"), timeout=10, what="notification sent")
    finally:
        await worker.stop()

    notification = await load(db, event.id)
    outcomes = [(a.attempt_no, a.adapter, a.outcome) for a in notification.attempts]
    assert outcomes == [(1, "sms-gateway", "failed"), (2, "sms-gateway", "failed"), (3, "sms-gateway", "sent")]
    assert [a.error for a in notification.attempts][:2] == ['HTTP 503: {"error":"gateway busy"}'] * 2
    assert notification.attempts[2].provider_message_id == "P-3"
    assert notification.attempt_count == 3 and notification.last_error is None
    # exponential backoff between attempts: >= 0.05 s, then >= 0.1 s
    times = [a.attempted_at for a in notification.attempts]
    assert (times[1] - times[0]).total_seconds() >= 0.05
    assert (times[2] - times[1]).total_seconds() >= 0.1
    # the provider got the documented request each time: JSON {mobile, text, reference}, key in a header
    assert len(provider.requests) == 3
    for request in provider.requests:
        assert request["json"] == {"mobile": MOBILE, "text": TEXT, "reference": "P2026050801"}
        assert request["headers"]["x-api-key"] == provider.key
        assert request["headers"]["idempotency-key"] == event.id


async def test_delivery_gives_up_after_max_attempts_as_failed_with_every_attempt_recorded(
    db: Database, db_url: str, http: httpx.AsyncClient, provider: FakeProvider
) -> None:
    provider.fail_first = 1000
    provider.fail_status = 500
    settings = notifier_settings(db_url, sms_url=provider.url, sms_key=provider.key, max_attempts=3)
    event = make_event(new_customer())
    await store(db, event)
    worker = worker_for(db, settings, http)
    worker.start()
    try:
        await wait_for(lambda: _status_is(db, event.id, "failed"), timeout=10, what="notification failed")
    finally:
        await worker.stop()
    notification = await load(db, event.id)
    assert [a.outcome for a in notification.attempts] == ["failed"] * 3
    assert notification.last_error is not None and notification.last_error.startswith("HTTP 500")
    assert notification.sent_at is None and await next_attempt(db, notification.id) is None
    assert await worker.run_once() == 0 and len(provider.requests) == 3  # never tried again


async def test_unreachable_gateway_is_a_failed_attempt_not_a_lost_notification(
    db: Database, db_url: str, http: httpx.AsyncClient
) -> None:
    from vipkit.broker import free_port

    settings = notifier_settings(db_url, sms_url=f"http://127.0.0.1:{free_port()}/send", sms_key="k-0123456789")
    event = make_event(new_customer())
    await store(db, event)
    assert await worker_for(db, settings, http).run_once() == 1
    notification = await load(db, event.id)
    assert notification.status == "queued" and await next_attempt(db, notification.id) is not None
    assert notification.attempts[0].outcome == "failed" and "ConnectError" in (notification.attempts[0].error or "")


async def test_sms_without_a_mobile_fails_at_once_without_retrying(
    db: Database, db_url: str, http: httpx.AsyncClient
) -> None:
    event = make_event(new_customer(), mobile=None)
    await store(db, event)
    assert await worker_for(db, notifier_settings(db_url), http).run_once() == 1
    notification = await load(db, event.id)
    assert notification.status == "failed" and len(notification.attempts) == 1
    assert notification.last_error == "no recipient mobile for an SMS"


async def test_wechat_template_message_goes_to_the_wechat_endpoint(
    db: Database, db_url: str, http: httpx.AsyncClient, provider: FakeProvider
) -> None:
    settings = notifier_settings(db_url, wechat_url=provider.url, wechat_key=provider.key)
    customer = new_customer()
    event = make_event(customer, channel="wechat", template="tier_upgrade", text="恭喜您升级为五星客户！")
    await store(db, event)
    assert await worker_for(db, settings, http).run_once() == 1
    notification = await load(db, event.id)
    assert notification.status == "sent" and notification.attempts[0].adapter == "wechat-template"
    [request] = provider.requests
    assert request["json"] == {
        "customer_id": customer,
        "mobile": MOBILE,
        "template": "tier_upgrade",
        "text": "恭喜您升级为五星客户！",
        "reference": "P2026050801",
    }


async def test_two_workers_racing_send_each_notification_once(
    db: Database, db_url: str, provider: FakeProvider
) -> None:
    settings = notifier_settings(db_url, sms_url=provider.url, sms_key=provider.key)
    events = [make_event(new_customer()) for _ in range(6)]
    for event in events:
        await store(db, event)
    other_db = Database(db_url)  # a second replica: its own engine and connections
    try:
        async with httpx.AsyncClient() as http_a, httpx.AsyncClient() as http_b:
            a, b = worker_for(db, settings, http_a), worker_for(other_db, settings, http_b)
            claimed = await asyncio.gather(a.run_once(), b.run_once(), a.run_once(), b.run_once())
    finally:
        await other_db.dispose()
    assert sum(claimed) == 6
    assert len(provider.requests) == 6
    assert sorted(r["headers"]["idempotency-key"] for r in provider.requests) == sorted(e.id for e in events)
    for event in events:
        notification = await load(db, event.id)
        assert notification.status == "sent" and len(notification.attempts) == 1


async def test_claim_of_a_crashed_worker_expires_and_the_notification_is_delivered_later(
    db: Database, db_url: str, http: httpx.AsyncClient
) -> None:
    settings = notifier_settings(db_url, lease_seconds=1.0)
    event = make_event(new_customer())
    await store(db, event)
    crashed = await worker_for(db, settings, http).runner.claim()  # claimed, then the runner "dies"
    assert [job.payload["notification_id"] for job in crashed] == [(await load(db, event.id)).id]
    worker = worker_for(db, settings, http)
    assert await worker.run_once() == 0  # still leased
    await wait_for(worker.run_once, timeout=5, what="lease expiry")
    assert (await load(db, event.id)).status == "sent"


async def test_an_adapter_crash_is_recorded_as_a_failed_attempt(db: Database, db_url: str) -> None:
    class Broken:
        name = "broken"

        async def send(self, message: OutgoingMessage) -> DeliveryResult:
            raise RuntimeError("boom")

    event = make_event(new_customer())
    await store(db, event)
    worker = DeliveryWorker(db, notifier_settings(db_url), {"sms": Broken(), "wechat": Broken()})
    assert await worker.run_once() == 1
    notification = await load(db, event.id)
    assert notification.status == "queued" and notification.attempts[0].error == "RuntimeError: boom"


async def test_ops_requeue_of_a_failed_notification_sends_it_once_more(
    db: Database, db_url: str, http: httpx.AsyncClient, provider: FakeProvider
) -> None:
    provider.fail_first = 1  # the gateway is down for the only attempt allowed
    settings = notifier_settings(db_url, sms_url=provider.url, sms_key=provider.key, max_attempts=1)
    event = make_event(new_customer())
    await store(db, event)
    worker = worker_for(db, settings, http)
    await worker.run_once()
    notification = await load(db, event.id)
    assert notification.status == "failed"
    async with db.sessionmaker() as session, session.begin():
        requeued = await service.requeue(session, notification.id)
        assert requeued.status == "queued" and len(requeued.attempts) == 1
    assert await worker.run_once() == 1
    notification = await load(db, event.id)
    assert notification.status == "sent"
    assert [(a.attempt_no, a.outcome) for a in notification.attempts] == [(1, "failed"), (2, "sent")]
    async with db.sessionmaker() as session, session.begin():
        with pytest.raises(service.NotificationNotRetryable):
            await service.requeue(session, notification.id)  # sent is final
        with pytest.raises(service.NotificationNotFound):
            await service.requeue(session, 10**9)


async def _status_is(db: Database, event_id: str, status: str) -> bool:
    return (await load(db, event_id)).status == status


async def test_a_delivery_job_past_its_window_goes_dead_the_notification_failed_and_an_ops_retry_resends(
    db: Database, db_url: str, http: httpx.AsyncClient, provider: FakeProvider
) -> None:
    provider.fail_first = 1
    settings = notifier_settings(db_url, sms_url=provider.url, sms_key=provider.key)
    event = make_event(new_customer())
    await store(db, event)
    notification_id = (await load(db, event.id)).id
    async with db.sessionmaker() as session, session.begin():  # the 24 h window has passed
        await session.execute(
            update(durable_jobs_table)
            .where(durable_jobs_table.c.dedupe_key == service.job_key(notification_id))
            .values(give_up_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    worker = worker_for(db, settings, http)
    assert await worker.run_once() == 1
    failed = await load(db, event.id)
    assert failed.status == "failed" and failed.last_error is not None and failed.last_error.startswith("HTTP 503")
    async with db.sessionmaker() as session:
        [job] = await list_jobs(session, state="dead", kind=service.DELIVER_JOB, limit=10)
    async with db.sessionmaker() as session, session.begin():
        assert await retry_job(session, job["id"])  # ops: GET .../jobs?state=dead, then retry
    assert await worker.run_once() == 1
    sent = await load(db, event.id)
    assert sent.status == "sent" and [a.outcome for a in sent.attempts] == ["failed", "sent"]
