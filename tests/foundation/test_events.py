"""``vipkit.events``: a batch written by ``add_events`` (its own serialization, COPY on PostgreSQL)
stores the same CloudEvents as ``add_event`` one by one, in order, with the test clock and metrics;
event ids are version-7 UUIDs in write order (``vipkit.ids``)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

from sqlalchemy import select

from contracts.events import NotificationRequestedV1, TierChangedV1, Topic
from tests.foundation.probe import app as probe
from vipkit import clock
from vipkit.db import Database, outbox_table
from vipkit.events import add_event, add_events, parse_event
from vipkit.metrics import EVENTS_WRITTEN, TIER_CHANGES
from vipkit.notifications import notification_request


def events(n: int) -> list[tuple[str, TierChangedV1 | NotificationRequestedV1, str]]:
    out: list[tuple[str, TierChangedV1 | NotificationRequestedV1, str]] = []
    for i in range(n):
        customer = f"EV{i:04d}"
        out.append(
            (
                Topic.tier_changed.value,
                TierChangedV1(
                    customer_id=customer, program="stars", from_tier="none", to_tier="star_3", status="confirmed",
                    reason="initial", score=Decimal("12.50"), effective_at=dt.datetime(2026, 5, 9, 2, tzinfo=dt.UTC),
                    sequence=1, birth_date=dt.date(1990, 1, 1), waiting_from=dt.date(2026, 5, 1),
                ),
                customer,
            )
        )  # fmt: skip
        out.append(notification_request(customer, mobile="13800138000", template="t", text="您好，“星”级\n",
                                        source="probe", reference=None))  # fmt: skip
    return out


async def stored(db: Database) -> list[tuple[str, str, dict]]:
    async with db.sessionmaker() as session:
        rows = (await session.execute(select(outbox_table).order_by(outbox_table.c.id))).all()
    return [(r.topic, r.key, json.loads(r.payload)) for r in rows]


async def test_add_events_writes_what_add_event_writes(db_kind, db_factory):
    batch, single = (
        Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR)),
        Database(db_factory.create(db_kind, probe.MIGRATIONS_DIR)),
    )
    written = EVENTS_WRITTEN.labels(Topic.tier_changed.value)._value.get()
    changes = TIER_CHANGES.labels("stars", "initial", "star_3")._value.get()
    try:
        with clock.frozen(dt.datetime(2026, 5, 9, 10, tzinfo=clock.SHANGHAI)):
            async with batch.transaction() as session:
                await add_events(session, events(30), source="probe")  # enough rows for COPY
            async with single.transaction() as session:
                for topic, data, key in events(30):
                    await add_event(session, topic, data, key=key, source="probe")
        got, expected = await stored(batch), await stored(single)
        assert len(got) == len(expected) == 60
        for (topic, key, envelope), (topic2, key2, envelope2) in zip(got, expected, strict=True):
            assert (topic, key) == (topic2, key2)
            assert {k: v for k, v in envelope.items() if k != "id"} == {k: v for k, v in envelope2.items() if k != "id"}
            assert parse_event(json.dumps(envelope)).testnow is not None
        assert got[1][2]["data"]["text"] == "您好，“星”级\n"
        ids = [envelope["id"] for _t, _k, envelope in got]
        assert ids == sorted(ids)  # version-7 ids: in write order, for the outbox's and inboxes' indexes
        assert all(uuid.UUID(i).version == 7 for i in ids + [envelope["id"] for _t, _k, envelope in expected])
        assert EVENTS_WRITTEN.labels(Topic.tier_changed.value)._value.get() == written + 60
        assert TIER_CHANGES.labels("stars", "initial", "star_3")._value.get() == changes + 60
    finally:
        await batch.dispose()
        await single.dispose()
