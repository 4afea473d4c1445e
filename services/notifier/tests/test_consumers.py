"""The ``notification.requested.v1`` consumer: inbox + unique event id, DLQ, and the real broker."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import httpx

from services.notifier import repository
from services.notifier.adapters import build_adapters
from services.notifier.consumers import consumer_specs
from services.notifier.main import create_app
from services.notifier.tests.conftest import (
    MASKED,
    TEXT,
    TOPIC,
    DeliveryWorker,
    make_event,
    new_customer,
    notifier_settings,
)
from vipkit import clock
from vipkit.auth import mint_token
from vipkit.consumer import ConsumerRunner
from vipkit.db import Database
from vipkit.kafka import dlq_topic, start_producer
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, TopicWatcher, app_client, wait_for


def raw(event_envelope: dict[str, object]) -> bytes:
    return json.dumps(event_envelope, ensure_ascii=False).encode()


async def test_redelivered_event_is_stored_once_and_sent_once(db: Database, db_url: str) -> None:
    settings = CommonSettings(env="test", test_clock=True, kafka_enabled=False)
    runner = ConsumerRunner(consumer_specs()[0], db, settings, service="notifier")
    at = dt.datetime(2026, 5, 9, 10, 0, tzinfo=clock.SHANGHAI)
    with clock.frozen(at):  # the producer's test clock travels in the event (testnow)
        envelope = make_event(new_customer()).model_dump(mode="json", exclude_none=True)
    message = raw(envelope)
    assert (await runner.process(TOPIC, message)).status == "processed"
    assert (await runner.process(TOPIC, message)).status == "duplicate"

    async with httpx.AsyncClient() as http:
        config = notifier_settings(db_url)
        worker = DeliveryWorker(db, config, build_adapters(config, http))
        assert await worker.run_once() == 1
        assert (await runner.process(TOPIC, message)).status == "duplicate"  # redelivered after sending
        assert await worker.run_once() == 0
    async with db.sessionmaker() as session:
        notification = await repository.get_by_event_id(session, str(envelope["id"]))
    assert notification is not None
    assert notification.created_at == at
    assert notification.status == "sent" and len(notification.attempts) == 1


async def test_invalid_request_goes_to_the_dlq_and_nothing_is_stored(
    db: Database, kafka_bootstrap: str, common_settings: CommonSettings
) -> None:
    settings = common_settings.model_copy(update={"kafka_consumer_retries": 1})
    runner = ConsumerRunner(consumer_specs()[0], db, settings, service="notifier")
    envelope = make_event(new_customer()).model_dump(mode="json")
    del envelope["data"]["text"]  # the contract requires the full text
    envelope["id"] = f"bad-{uuid.uuid4().hex}"
    # watching TOPIC too makes the watcher create TOPIC's .dlq
    async with TopicWatcher(kafka_bootstrap, TOPIC, dlq_topic(TOPIC)) as watcher:
        try:
            assert (await runner.process(TOPIC, raw(envelope))).status == "dead"
        finally:
            await runner.stop()
        await wait_for(
            lambda: [
                m for m in watcher.messages if isinstance(m["value"], dict) and m["value"]["id"] == envelope["id"]
            ],
            timeout=15,
            what="the request on the DLQ",
        )
    async with db.sessionmaker() as session:
        assert await repository.get_by_event_id(session, envelope["id"]) is None


async def test_request_published_on_the_broker_is_sent_once_even_when_delivered_twice(
    db_url: str, kafka_bootstrap: str, common_settings: CommonSettings
) -> None:
    app = create_app(notifier_settings(db_url), common_settings)
    app.state.spec.consumers[0].group_id = f"notifier-test-{uuid.uuid4().hex[:8]}"  # not shared with other tests
    customer = new_customer()
    e1 = make_event(customer).model_dump(mode="json", exclude_none=True)
    e2 = make_event(customer, template="revisit_second_sms").model_dump(mode="json", exclude_none=True)
    ops = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret=TEST_JWT_SECRET)}"}

    async with app_client(app) as client:
        producer = await start_producer(common_settings, client_id="notifier-test")
        try:
            for envelope in (e1, e1, e2):  # e1 redelivered; one key keeps them in order
                await producer.send_and_wait(TOPIC, value=raw(envelope), key=customer.encode())
        finally:
            await producer.stop()

        async def both_sent() -> list[dict[str, object]] | None:
            body = (await client.get("/api/v1/notifications", params={"customer_id": customer}, headers=ops)).json()
            items = body["items"]
            return items if len(items) == 2 and all(i["status"] == "sent" for i in items) else None

        items = await wait_for(both_sent, timeout=40, what="both notifications sent")

    assert [i["event_id"] for i in items] == [e2["id"], e1["id"]]  # newest first
    assert [len(i["attempts"]) for i in items] == [1, 1]
    assert items[1]["text"] == TEXT and items[1]["mobile"] == MASKED and items[1]["template"] == "revisit_first_sms"


async def test_a_consumer_batch_stores_each_request_once_with_its_own_clock(db: Database) -> None:
    from aiokafka import ConsumerRecord

    from vipkit.consumer_batch import process_messages

    settings = CommonSettings(env="test", test_clock=True, kafka_enabled=False, kafka_batch_size=10)
    runner = ConsumerRunner(consumer_specs()[0], db, settings, service="notifier")
    envelopes = []
    for day in (9, 9, 9, 10, 10):  # two test-clock runs in one batch
        with clock.frozen(dt.datetime(2026, 5, day, 10, 0, tzinfo=clock.SHANGHAI)):
            envelopes.append(make_event(new_customer()).model_dump(mode="json", exclude_none=True))
    assert (await runner.process(TOPIC, raw(envelopes[1]))).status == "processed"  # stored before its batch
    messages = [
        ConsumerRecord(TOPIC, 0, i, 0, 0, None, raw(e), None, 0, len(raw(e)), ())
        for i, e in enumerate([*envelopes, envelopes[3]])  # and one redelivered inside the batch
    ]
    await process_messages(runner, messages)
    assert (runner.processed, runner.duplicates) == (5, 2)
    async with db.sessionmaker() as session:
        stored = [await repository.get_by_event_id(session, str(e["id"])) for e in envelopes]
    assert [n.created_at.astimezone(clock.SHANGHAI).day if n else None for n in stored] == [9, 9, 9, 10, 10]
    assert {n.status for n in stored if n} == {"queued"}
