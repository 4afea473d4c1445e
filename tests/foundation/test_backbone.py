"""Issue 2 / SPEC 6: outbox → relay → Kafka → consumer with inbox and DLQ, on SQLite and PostgreSQL.

All against the real tansu broker and real databases, through the probe service.
"""

from __future__ import annotations

import asyncio
import gc
import json
import uuid
import weakref

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import func, select

from contracts.events import NotificationRequestedV1, Topic
from tests.foundation.probe import app as probe
from vipkit.broker import LocalBroker, free_port
from vipkit.consumer import ConsumerRunner, ConsumerSpec
from vipkit.db import Database, outbox_table
from vipkit.events import add_event, build_event
from vipkit.relay import OutboxRelay
from vipkit.settings import CommonSettings
from vipkit.testing import TopicWatcher, app_client, wait_for

PROBE_TOPIC = "probe.events.v1"


def cid() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


async def outbox_rows(db: Database) -> list[dict[str, object]]:
    async with db.sessionmaker() as s:
        rows = (await s.execute(select(outbox_table).order_by(outbox_table.c.id))).mappings().all()
        return [dict(r) for r in rows]


async def test_state_change_and_its_event_commit_together_or_not_at_all(db_kind, db_factory, common_settings):
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    customer = cid()
    async with app_client(probe.create_app(url, settings)) as client:
        ok = await client.post("/notes", json={"customer_id": customer, "text": "kept"})
        assert ok.status_code == 201
        failed = await client.post("/notes", json={"customer_id": customer, "text": "lost", "fail_after_event": True})
        assert failed.status_code == 409
        assert failed.headers["content-type"] == "application/problem+json"
        assert failed.json()["code"] == "conflict"
        assert (await client.get(f"/notes/{customer}")).json() == {"texts": ["kept"]}
    db = Database(url)
    rows = await outbox_rows(db)
    await db.dispose()
    assert [json.loads(str(r["payload"]))["data"]["text"] for r in rows] == ["kept"]
    assert rows[0]["event_id"] == ok.json()["event_id"]


async def test_writes_succeed_while_the_broker_is_down_and_every_event_arrives_in_order(
    db_kind, db_factory, common_settings
):
    """Broker stopped: writes succeed; when it is back, all pending events are delivered,
    in order per key, and none has a second effect at the consumer."""
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    port = free_port()
    settings = common_settings.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{port}"})
    customers = [cid() for _ in range(3)]
    async with app_client(probe.create_app(url, settings)) as client:
        for i in range(30):
            r = await client.post("/notes", json={"customer_id": customers[i % 3], "text": f"n{i:02d}"})
            assert r.status_code == 201, r.text
        db = Database(url)
        assert len([r for r in await outbox_rows(db) if r["published_at"] is None]) == 30

        with LocalBroker(port):
            consumer_db_url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
            consumer_db = Database(consumer_db_url)
            runner = ConsumerRunner(
                ConsumerSpec("probe-effects", [Topic.notification_requested], probe.record_effect),
                consumer_db,
                settings,
                service=f"probe-{uuid.uuid4().hex[:6]}",
            )
            task = asyncio.create_task(runner.run())
            try:

                async def delivered() -> bool:
                    async with consumer_db.sessionmaker() as s:
                        return await probe.count_effects(s) >= 30

                await wait_for(delivered, timeout=60, what="30 effects")
                async with consumer_db.sessionmaker() as s:
                    for n, customer in enumerate(customers):
                        assert await probe.effects(s, customer) == [f"n{i:02d}" for i in range(n, 30, 3)]
                    assert await probe.count_effects(s) == 30
                assert all(r["published_at"] is not None for r in await outbox_rows(db))
            finally:
                await runner.stop()
                task.cancel()
                await consumer_db.dispose()
        await db.dispose()


async def _produce(bootstrap: str, topic: str, messages: list[tuple[str, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for key, value in messages:
            await producer.send_and_wait(topic, key=key.encode(), value=value)
    finally:
        await producer.stop()


def _event_bytes(customer: str, text: str, event_id: str | None = None) -> bytes:
    envelope = build_event(
        Topic.notification_requested,
        NotificationRequestedV1(customer_id=customer, template="probe", text=text, source_service="probe"),
        source="probe",
        subject=customer,
        event_id=event_id,
    )
    return json.dumps(envelope).encode()


async def test_same_event_three_times_has_one_effect_and_poison_goes_to_dlq(
    db_kind, db_factory, common_settings, kafka_bootstrap
):
    url = db_factory.create(db_kind, probe.MIGRATIONS_DIR)
    db = Database(url)
    customer = cid()
    topic = f"{PROBE_TOPIC}.{uuid.uuid4().hex[:6]}"
    from vipkit.kafka import ensure_topics

    await ensure_topics(kafka_bootstrap, [topic], 1)
    same = _event_bytes(customer, "once", event_id=str(uuid.uuid4()))
    await _produce(
        kafka_bootstrap,
        topic,
        [
            (customer, same),
            (customer, same),
            (customer, b"{not json"),
            (customer, _event_bytes(customer, "poison-handler")),
            (customer, same),
            (customer, _event_bytes(customer, "after")),
        ],
    )
    runner = ConsumerRunner(
        ConsumerSpec("probe-effects", [topic], probe.record_effect),
        db,
        common_settings,
        service=f"probe-{uuid.uuid4().hex[:6]}",
    )
    async with TopicWatcher(kafka_bootstrap, f"{topic}.dlq") as dlq:
        task = asyncio.create_task(runner.run())
        try:

            async def done() -> bool:
                async with db.sessionmaker() as s:
                    return "after" in await probe.effects(s, customer)

            await wait_for(done, timeout=60, what="the message after the poison ones")
            async with db.sessionmaker() as s:
                assert await probe.effects(s, customer) == ["once", "after"]
            assert runner.duplicates == 2
            dead = await dlq.wait(f"{topic}.dlq", count=2)
            errors = sorted(m["headers"]["error"] for m in dead)
            assert errors[0].startswith("ValueError: cannot process 'poison-handler'")
            assert errors[1].startswith("unparseable")
            assert all(m["headers"]["original-topic"] == topic for m in dead)
            # offsets were committed after the effects: the group resumes past everything
            assert runner.consumer is not None
            tp = next(iter(runner.consumer.assignment()))
            assert await wait_for(lambda: runner.consumer.committed(tp), timeout=10) == 6  # type: ignore[union-attr]
        finally:
            await runner.stop()
            task.cancel()
            await db.dispose()


async def test_two_relays_on_postgres_publish_each_row_once_in_order(
    postgres_only, db_factory, common_settings, kafka_bootstrap
):
    url = db_factory.create("postgresql", probe.MIGRATIONS_DIR)
    writer = Database(url)
    customers = [cid() for _ in range(10)]
    async with writer.sessionmaker() as s, s.begin():
        for i in range(300):
            customer = customers[i % 10]
            await add_event(
                s,
                Topic.notification_requested,
                NotificationRequestedV1(
                    customer_id=customer, template="probe", text=f"{i:03d}", source_service="probe"
                ),
                key=customer,
                source="probe",
            )
    settings = common_settings.model_copy(update={"relay_batch": 7})
    dbs = [Database(url), Database(url)]
    relays = [OutboxRelay(d, settings, name=f"relay{i}") for i, d in enumerate(dbs)]

    async def pending() -> int:
        async with writer.sessionmaker() as s:
            query = select(func.count()).select_from(outbox_table).where(outbox_table.c.published_at.is_(None))
            return int((await s.execute(query)).scalar_one())

    async def drain(relay: OutboxRelay) -> None:
        while await pending():
            if await relay.publish_pending() == 0:
                await asyncio.sleep(0.005)  # the other relay holds the lock this round
            await asyncio.sleep(0)

    async with TopicWatcher(kafka_bootstrap, Topic.notification_requested) as watcher:
        await asyncio.gather(*(drain(r) for r in relays))
        assert all(r["published_at"] is not None for r in await outbox_rows(writer))
        mine = set(customers)
        await wait_for(lambda: len([m for m in watcher.messages if m["key"] in mine]) >= 300, timeout=30)
        messages = [m for m in watcher.messages if m["key"] in mine]
        ids = [m["value"]["id"] for m in messages]
        assert len(ids) == len(set(ids)) == 300, "a row was published twice"
        for n, customer in enumerate(customers):
            texts = [m["value"]["data"]["text"] for m in messages if m["key"] == customer]
            assert texts == [f"{i:03d}" for i in range(n, 300, 10)], "a customer's events were reordered"
        assert relays[0].published + relays[1].published == 300, "each row is published by exactly one relay"
    for r in relays:
        await r.stop()
    for d in [*dbs, writer]:
        await d.dispose()


async def test_test_clock_header_is_honoured_only_when_enabled_and_travels_in_events(db_factory, common_settings):
    for enabled in (True, False):
        url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
        settings = common_settings.model_copy(update={"kafka_enabled": False, "test_clock": enabled})
        async with app_client(probe.create_app(url, settings)) as client:
            r = await client.post(
                "/notes", json={"customer_id": cid(), "text": "t"}, headers={"X-Test-Now": "2026-09-28T10:00:00+08:00"}
            )
            assert r.status_code == 201
        db = Database(url)
        envelope = json.loads(str((await outbox_rows(db))[0]["payload"]))
        await db.dispose()
        if enabled:
            assert envelope["time"] == "2026-09-28T10:00:00+08:00"
            assert envelope["testnow"] == "2026-09-28T10:00:00+08:00"
        else:
            assert not envelope["time"].startswith("2026-09-28T10:00:00")
            assert "testnow" not in envelope


async def test_bad_test_clock_header_and_bad_body_are_problem_json(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    async with app_client(probe.create_app(url, settings)) as client:
        r = await client.post("/notes", json={"customer_id": "C1"}, headers={"X-Request-ID": "rid-1"})
        assert r.status_code == 422
        body = r.json()
        assert body["code"] == "validation_error" and body["errors"][0]["field"] == "text"
        assert body["request_id"] == "rid-1" and r.headers["x-request-id"] == "rid-1"
        r = await client.post("/notes", json={"customer_id": "C1", "text": "x"}, headers={"X-Test-Now": "yesterday"})
        assert r.status_code == 422 and r.json()["code"] == "validation_error"
        metrics = (await client.get("/metrics")).text
        assert 'http_requests_total{method="POST",route="/notes",service="probe",status="422"}' in metrics
        assert "process_cpu_seconds_total" in metrics and "python_gc_objects_collected_total" in metrics


async def test_readyz_reports_the_broker_down(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{free_port()}"})
    async with app_client(probe.create_app(url, settings)) as client:
        r = await client.get("/readyz")
        # the broker is reported but does not gate readiness (the outbox keeps writes going)
        assert r.status_code == 200
        assert r.json()["checks"] == {"database": "ok", "migrations": "ok"}
        assert r.json()["broker"] == "unreachable"
        assert (await client.get("/healthz")).status_code == 200


class _Node:
    link: object = None


async def test_a_started_service_has_its_start_up_heap_frozen_and_later_garbage_collected(db_factory, common_settings):
    """Issue 17: ``gc.freeze`` once start-up is done (full collections then skip the start-up heap);
    a reference cycle made while serving is still collected."""
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    async with app_client(probe.create_app(url, settings)) as client:
        assert (await client.get("/healthz")).status_code == 200
        assert gc.get_freeze_count() > 1000
        node = _Node()
        node.link = node
        ref = weakref.ref(node)
        del node
        gc.collect()
        assert ref() is None


def test_placeholder_secret_is_refused_outside_development():
    with pytest.raises(RuntimeError, match="placeholder"):
        CommonSettings(env="prod", jwt_secret="change-me").check_secrets()
    with pytest.raises(RuntimeError, match="placeholder"):
        probe.create_app("sqlite:///unused.db", CommonSettings(env="staging", jwt_secret="dev-secret"))
    CommonSettings(env="dev", jwt_secret="dev-secret").check_secrets()
    CommonSettings(
        env="prod", jwt_secret="a-real-secret-from-the-vault-0123456789", internal_secret="another-one-" + "x" * 32
    ).check_secrets()


async def test_outbox_counts_match(db_factory):
    """A sanity check of the probe's migration: plumbing tables exist and are empty."""
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    db = Database(url)
    async with db.sessionmaker() as s:
        assert (await s.execute(select(func.count()).select_from(outbox_table))).scalar_one() == 0
    await db.dispose()


async def test_the_request_transaction_commits_before_the_response_is_sent(postgres_only, db_factory, common_settings):
    """A client that got 201 must be able to read its write at once (read-your-writes across requests)."""
    from starlette.types import Message, Receive, Scope, Send

    url = db_factory.create("postgresql", probe.MIGRATIONS_DIR)
    reader = Database(url)
    customer = cid()
    visible_at_response_start: list[list[str]] = []

    class ReadAtResponseStart:
        def __init__(self, app: object) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            async def checking_send(message: Message) -> None:
                if message["type"] == "http.response.start" and scope.get("method") == "POST":
                    async with reader.sessionmaker() as s:
                        rows = await s.execute(select(probe.Note.text).where(probe.Note.customer_id == customer))
                        visible_at_response_start.append([r.text for r in rows])
                await send(message)

            await self.app(scope, receive, checking_send)  # type: ignore[operator]

    app = probe.create_app(url, common_settings.model_copy(update={"kafka_enabled": False}))
    app.add_middleware(ReadAtResponseStart)
    async with app_client(app) as client:
        r = await client.post("/notes", json={"customer_id": customer, "text": "committed first"})
        assert r.status_code == 201
    await reader.dispose()
    assert visible_at_response_start == [["committed first"]]
