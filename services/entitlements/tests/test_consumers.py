"""``tier.changed.v1`` consumer: idempotent (inbox) and ordered by ``sequence`` (SPEC 3.1)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from services.entitlements import repository as repo
from services.entitlements.catalog import load_catalog
from services.entitlements.consumers import consumer_specs
from services.entitlements.main import MIGRATIONS_DIR
from services.entitlements.tests.conftest import common_for, make_app, new_customer, staff_headers, tier_event
from vipkit.consumer import ConsumerRunner
from vipkit.db import Database
from vipkit.kafka import ensure_topics, start_producer
from vipkit.testing import DatabaseFactory, TopicWatcher, app_client, wait_for

STARS = load_catalog("stars")
TOPIC = "tier.changed.v1"


def runner(db: Database, **settings) -> ConsumerRunner:
    (spec,) = consumer_specs(STARS)
    return ConsumerRunner(spec, db, common_for("stars", **settings), service="entitlements")


async def grants(db: Database, customer_id: str, day: dt.date = dt.date(2026, 6, 1)) -> dict[str, Any]:
    async with db.sessionmaker() as session:
        current = await repo.grants_containing(session, customer_id, day)
        tier = await repo.get_tier(session, customer_id)
    return {"_tier": (tier.tier, tier.sequence) if tier else None} | {
        code: (g.quota, g.used, g.reserved) for code, g in current.items()
    }


async def test_redelivered_event_changes_nothing(db: Database):
    c = new_customer()
    r = runner(db)
    raw = tier_event(c, "star_2", 1)
    assert (await r.process(TOPIC, raw)).status == "processed"
    before = await grants(db, c)
    assert (await r.process(TOPIC, raw)).status == "duplicate"
    assert await grants(db, c) == before
    assert before["_tier"] == ("star_2", 1) and before["second_opinion_domestic"] == (2, 0, 0)


async def test_out_of_order_events_leave_the_newest_state(db: Database):
    c = new_customer()
    r = runner(db)
    assert (await r.process(TOPIC, tier_event(c, "star_1", 1, when="2026-05-01T10:00"))).status == "processed"
    assert (await r.process(TOPIC, tier_event(c, "star_5", 3, when="2026-05-03T10:00"))).status == "processed"
    # sequence 2 arrives late: recorded in the inbox but never undoes sequence 3
    assert (await r.process(TOPIC, tier_event(c, "star_2", 2, when="2026-05-02T10:00"))).status == "processed"
    state = await grants(db, c)
    assert state["_tier"] == ("star_5", 3)
    assert state["registration_referral"] == (3, 0, 0)
    assert state["second_opinion_international"] == (None, 0, 0)
    assert state["child_courses"] == (None, 0, 0)


async def test_provisional_event_grants_nothing_and_invalid_closes_grants(db: Database):
    c = new_customer()
    r = runner(db)
    await r.process(TOPIC, tier_event(c, "none", 1, status="provisional", reason="initial"))
    assert await grants(db, c) == {"_tier": ("none", 1)}
    await r.process(TOPIC, tier_event(c, "star_3", 2, status="confirmed"))
    await r.process(TOPIC, tier_event(c, "none", 3, from_tier="star_3", status="invalid", reason="invalidated"))
    state = await grants(db, c)
    assert state["_tier"] == ("none", 3)
    assert all(v == (0, 0, 0) for k, v in state.items() if k != "_tier")


async def test_other_program_event_is_skipped(db: Database):
    c = new_customer()
    r = runner(db)
    assert (await r.process(TOPIC, tier_event(c, "gold", 1, program="levels"))).status == "processed"
    assert await grants(db, c) == {"_tier": None}


async def test_unknown_tier_is_dead_lettered(db: Database, kafka_bootstrap: str):
    c = new_customer()
    r = runner(db, kafka_bootstrap=kafka_bootstrap, kafka_consumer_retries=1)
    await ensure_topics(kafka_bootstrap, [TOPIC], 3)  # also creates the .dlq topic
    try:
        async with TopicWatcher(kafka_bootstrap, f"{TOPIC}.dlq") as watcher:
            result = await r.process(TOPIC, tier_event(c, "star_9", 1))
            assert result.status == "dead" and "star_9" in (result.error or "")
            (dead,) = await watcher.wait(f"{TOPIC}.dlq", customer_id=c)
            assert "star_9" in dead["headers"]["error"]
    finally:
        await r.stop()
    assert await grants(db, c) == {"_tier": None}


async def test_real_broker_redelivered_and_out_of_order_events_leave_the_correct_grants(
    db_factory: DatabaseFactory, kafka_bootstrap: str
):
    """Through tansu and a consumer group: events 1, 3, 2 (late) and 3 again (redelivered).

    One database kind only: a consumer-group join costs seconds (the handler logic runs on both
    databases in the tests above).
    """
    db_url = db_factory.create("sqlite", MIGRATIONS_DIR)
    c = new_customer()
    app = make_app(db_url, "stars", kafka_enabled=True, kafka_bootstrap=kafka_bootstrap, relay_poll_ms=20)
    producer = await start_producer(common_for("stars", kafka_bootstrap=kafka_bootstrap), client_id="test-tiering")
    try:
        async with TopicWatcher(kafka_bootstrap, "entitlement.changed.v1") as watcher, app_client(app) as client:
            (consumer,) = app.state.runtime.consumers
            await consumer.wait_assigned(timeout=60)
            third_id = str(uuid.uuid4())
            for raw in (
                tier_event(c, "star_1", 1, when="2026-05-01T10:00"),
                tier_event(c, "star_4", 3, when="2026-05-03T10:00", event_id=third_id),
                tier_event(c, "star_2", 2, when="2026-05-02T10:00"),
                tier_event(c, "star_4", 3, when="2026-05-03T10:00", event_id=third_id),
            ):
                await producer.send_and_wait(TOPIC, value=raw, key=c.encode())

            async def settled() -> bool:
                resp = await client.get(
                    f"/api/v1/customers/{c}/entitlements", headers=staff_headers("2026-05-04T10:00")
                )
                body = resp.json()
                return body["tier"] == "star_4" and body["tier_sequence"] == 3

            await wait_for(settled, timeout=30, what="tier star_4 applied")
            db = Database(db_url)
            try:
                await wait_for(lambda: _count_inbox(db, 3), timeout=30, what="all four messages handled")
                state = await grants(db, c, dt.date(2026, 5, 4))
            finally:
                await db.dispose()
            assert state["_tier"] == ("star_4", 3)
            assert state["second_opinion_international"] == (None, 0, 0)
            assert state["child_courses"] == (5, 0, 0)
            assert "registration_referral" not in state
            published = await watcher.wait(
                "entitlement.changed.v1", count=1, customer_id=c, service_code="child_courses"
            )
            assert published[-1]["key"] == c
            await wait_for(
                lambda: any(
                    m["value"]["data"].get("quota") == 5
                    for m in watcher.on("entitlement.changed.v1", customer_id=c, service_code="child_courses")
                ),
                timeout=15,
                what="quota 5 published",
            )
    finally:
        await producer.stop()


async def _count_inbox(db: Database, expected: int) -> bool:
    from sqlalchemy import func, select

    from vipkit.db import inbox_table

    async with db.sessionmaker() as session:
        n = (await session.execute(select(func.count()).select_from(inbox_table))).scalar_one()
    return n >= expected


async def test_tier_event_carries_the_birth_date_and_waiting_anchor_into_entitlements(db: Database):
    """Cards rescue age and waiting period come from ``tier.changed.v1`` (no side call to tiering)."""
    (spec,) = consumer_specs(load_catalog("cards"))
    r = ConsumerRunner(spec, db, common_for("cards"), service="entitlements")
    c = new_customer()
    extra = {"birth_date": "1960-05-31", "waiting_from": "2026-05-09"}
    raw = tier_event(c, "silver", 1, program="cards", when="2026-05-24T00:00", extra=extra)
    assert (await r.process(TOPIC, raw)).status == "processed"
    async with db.sessionmaker() as session:
        stored = await repo.get_tier(session, c)
    assert stored is not None
    assert (stored.birth_date, stored.entitled_since) == (dt.date(1960, 5, 31), dt.date(2026, 5, 9))
