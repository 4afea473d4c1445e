"""Issue 12 items 2-3: a poison outbox row cannot stop the relay; consumers retry transient errors
in place and dead-letter only permanent ones; a failed DLQ publish never loops; dead letters replay.

Real tansu broker, real SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from contracts.events import CloudEvent, NotificationRequestedV1, Topic
from tests.foundation.probe import app as probe
from vipkit.broker import free_port
from vipkit.consumer import ConsumerRunner, ConsumerSpec
from vipkit.consumer_errors import PermanentMessageError, classify
from vipkit.db import Database, outbox_table
from vipkit.events import add_event, build_event
from vipkit.ops import parked_outbox_rows, unpark_outbox_row
from vipkit.plumbing import dead_letters_table
from vipkit.relay import OutboxRelay
from vipkit.testing import TopicWatcher, app_client, wait_for


def cid() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


async def write(db: Database, customer: str, text: str) -> None:
    async with db.transaction() as s:
        await add_event(
            s,
            Topic.notification_requested,
            NotificationRequestedV1(customer_id=customer, template="probe", text=text, source_service="probe"),
            key=customer,
            source="probe",
        )


async def test_an_oversized_row_is_parked_and_other_customers_events_keep_flowing(
    db_kind, db_factory, common_settings, kafka_bootstrap
):
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    poisoned, other = cid(), cid()
    await write(db, poisoned, "p-before")
    await write(db, poisoned, "x" * 1_100_000)  # larger than the producer's 1 MiB request limit
    await write(db, poisoned, "p-after")
    for i in range(5):
        await write(db, other, f"o{i}")
    relay = OutboxRelay(db, common_settings, name="probe")
    async with TopicWatcher(kafka_bootstrap, Topic.notification_requested) as watcher:
        task = asyncio.create_task(relay.run())
        try:

            def texts(customer: str) -> list[str]:
                return [m["value"]["data"]["text"] for m in watcher.messages if m["key"] == customer]

            await wait_for(lambda: len(texts(other)) == 5, timeout=30, what="the other customer's events")
            assert texts(other) == [f"o{i}" for i in range(5)]

            async def parked() -> list[object]:
                async with db.sessionmaker() as s:
                    return list(await parked_outbox_rows(s, 10))

            rows = await wait_for(parked, timeout=30, what="the oversized row parked")
            assert len(rows) == 1
            row = rows[0]
            assert row.attempts == common_settings.relay_park_after  # type: ignore[attr-defined]
            assert row.last_error.startswith("MessageSizeTooLargeError")  # type: ignore[attr-defined]
            # per-key order: the same customer's later event waits behind the parked one
            await write(db, other, "o5")
            await wait_for(lambda: len(texts(other)) == 6, timeout=30, what="a new event of another customer")
            assert texts(poisoned) == ["p-before"]

            async with db.transaction() as s:  # ops discards the poison row: the key flows again
                assert await unpark_outbox_row(s, row.id, discard=True)  # type: ignore[attr-defined]
            await wait_for(lambda: texts(poisoned) == ["p-before", "p-after"], timeout=30, what="the held event")

            async def all_marked_published() -> bool:
                # the broker's ack comes before the relay's mark commits: wait for the mark, then stop
                async with db.sessionmaker() as s:
                    pending = select(outbox_table.c.id).where(outbox_table.c.published_at.is_(None))
                    return not (await s.execute(pending)).first()

            await wait_for(all_marked_published, timeout=30, what="every row marked published")
        finally:
            await relay.stop()
            task.cancel()
    async with db.sessionmaker() as s:
        unpublished = (await s.execute(select(outbox_table.c.id).where(outbox_table.c.published_at.is_(None)))).all()
    assert unpublished == []
    await db.dispose()


def test_errors_are_classified_transient_or_permanent():
    assert classify(OperationalError("SELECT 1", {}, Exception("connection refused"))) == "transient"
    assert classify(TimeoutError()) == "transient"
    assert classify(ConnectionResetError()) == "transient"
    assert classify(ValueError("bad contract")) == "permanent"
    assert classify(PermanentMessageError("unknown schema")) == "permanent"
    assert classify(KeyError("bug")) == "unknown"


def event_bytes(customer: str, text: str) -> bytes:
    envelope = build_event(
        Topic.notification_requested,
        NotificationRequestedV1(customer_id=customer, template="probe", text=text, source_service="probe"),
        source="probe",
        subject=customer,
    )
    import json

    return json.dumps(envelope).encode()


async def test_a_transient_failure_is_retried_in_place_and_applied_once_without_a_dead_letter(
    db_kind, db_factory, common_settings
):
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    failures = {"left": 6}

    async def flaky(session, event: CloudEvent, topic: str) -> None:  # type: ignore[no-untyped-def]
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
        await probe.record_effect(session, event, topic)

    settings = common_settings.model_copy(update={"kafka_retry_backoff_cap_s": 0.2})
    runner = ConsumerRunner(ConsumerSpec("flaky", ["t"], flaky), db, settings, service="probe")
    customer = cid()
    result = await runner.process("t", event_bytes(customer, "applied"))
    assert result.status == "processed"
    assert failures["left"] == 0
    async with db.sessionmaker() as s:
        assert await probe.effects(s, customer) == ["applied"]
        assert (await s.execute(select(dead_letters_table))).all() == []
    await db.dispose()


async def test_a_failed_dlq_publish_never_loops_and_the_dead_letter_is_kept_and_replayable(
    db_kind, db_factory, common_settings
):
    db = Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR))
    broken = {"yes": True}

    async def handler(session, event: CloudEvent, topic: str) -> None:  # type: ignore[no-untyped-def]
        if broken["yes"]:
            raise PermanentMessageError("schema not known yet")
        await probe.record_effect(session, event, topic)

    # the DLQ topic's broker is unreachable: the publish fails, the consumer moves on
    settings = common_settings.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{free_port()}"})
    runner = ConsumerRunner(ConsumerSpec("strict", ["t"], handler), db, settings, service="probe")
    customer = cid()
    result = await asyncio.wait_for(runner.process("t", event_bytes(customer, "later")), 60)
    assert result.status == "dead"
    async with db.sessionmaker() as s:
        letters = [dict(r) for r in (await s.execute(select(dead_letters_table))).mappings()]
    assert len(letters) == 1 and letters[0]["error"].startswith("PermanentMessageError")

    broken["yes"] = False  # fixed: replay feeds it through the consumer; a second replay is a no-op
    assert (await runner.replay(letters[0])).status == "processed"
    assert (await runner.replay(letters[0])).status == "duplicate"
    async with db.sessionmaker() as s:
        assert await probe.effects(s, customer) == ["later"]
        row = (await s.execute(select(dead_letters_table))).mappings().one()
    assert row["replayed_at"] is not None and row["replay_result"] == "duplicate"
    await db.dispose()


async def test_ops_see_dead_jobs_parked_rows_and_dead_letters_through_the_ops_api(db_factory, common_settings):
    url = db_factory.create("sqlite", probe.MIGRATIONS_DIR)
    settings = common_settings.model_copy(update={"kafka_enabled": False})
    from vipkit.auth import mint_token
    from vipkit.testing import TEST_JWT_SECRET

    ops = {"Authorization": f"Bearer {mint_token('ops1', 'ops', secret=TEST_JWT_SECRET)}"}
    customer = {"Authorization": f"Bearer {mint_token('C1', 'customer', secret=TEST_JWT_SECRET)}"}
    async with app_client(probe.create_app(url, settings)) as client:
        assert (await client.get("/api/v1/ops/probe/jobs?state=dead", headers=customer)).status_code == 403
        r = await client.get("/api/v1/ops/probe/jobs?state=dead", headers=ops)
        assert r.status_code == 200 and r.json() == {"items": [], "next_cursor": None}
        assert (await client.get("/api/v1/ops/probe/jobs?state=bogus", headers=ops)).status_code == 422
        r = await client.post("/api/v1/ops/probe/jobs/12345/retry", headers=ops)
        assert r.status_code == 409 and r.json()["code"] == "conflict"
        assert (await client.get("/api/v1/ops/probe/outbox", headers=ops)).json()["items"] == []
        assert (await client.get("/api/v1/ops/probe/dead-letters", headers=ops)).json()["items"] == []
        metrics = (await client.get("/metrics")).text
        assert 'vip_durable_jobs{service="probe",state="dead"}' in metrics
        assert "vip_outbox_parked" in metrics
