"""Notifier SQL on SQLite and PostgreSQL: idempotent inserts, search filters and paging, the
multi-row insert, and the schedule read from the delivery jobs (vipkit.durable claims them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from services.notifier import repository as repo
from services.notifier.tests.conftest import NOTIFIED_AT, TEXT, new_customer, notification_row
from vipkit import durable
from vipkit.db import Database
from vipkit.plumbing import durable_jobs_table

NOW = NOTIFIED_AT


async def test_insert_is_idempotent_on_the_event_id(db: Database) -> None:
    customer = new_customer()
    first = notification_row(customer)
    async with db.sessionmaker() as session, session.begin():
        assert await repo.insert_notification(session, first) is True
        assert await repo.insert_notification(session, {**first, "text": "另一条"}) is False
        many = [notification_row(customer), notification_row(customer)]
        inserted = await repo.insert_notifications(session, [*many, first])
        assert await repo.insert_notifications(session, []) == {}
    assert set(inserted) == {many[0]["event_id"], many[1]["event_id"]}
    async with db.sessionmaker() as session:
        stored = await repo.get_by_event_id(session, first["event_id"])
        assert stored is not None and stored.text == TEXT and stored.attempts == []
        assert (await repo.get(session, stored.id)) is not None
        assert await repo.get(session, stored.id + 1000) is None


async def test_search_filters_and_pages_newest_first(db: Database) -> None:
    customer, other = new_customer(), new_customer()
    async with db.sessionmaker() as session, session.begin():
        for values in (
            notification_row(customer),
            notification_row(customer, channel="wechat", template="tier_changed"),
            notification_row(customer, status="sent", reference="P2"),
            notification_row(other),
        ):
            await repo.insert_notification(session, values)

    async def ids(**filters: Any) -> list[int]:
        query: dict[str, Any] = {
            "customer_id": customer, "channel": None, "template": None, "status": None, "reference": None,
            "before_id": None, "limit": 50,
        }  # fmt: skip
        query.update(filters)
        async with db.sessionmaker() as session:
            return [n.id for n in await repo.search(session, **query)]

    everything = await ids()
    assert len(everything) == 3 and everything == sorted(everything, reverse=True)
    assert len(await ids(customer_id=None)) == 4
    assert len(await ids(channel="wechat")) == 1 and len(await ids(template="tier_changed")) == 1
    assert len(await ids(status="sent")) == 1 and len(await ids(reference="P2")) == 1
    assert await ids(limit=2) == everything[:2]
    assert await ids(before_id=everything[1]) == everything[2:]


async def test_load_many_and_the_delivery_schedule_of_pending_jobs(db: Database) -> None:
    customer = new_customer()
    async with db.sessionmaker() as session, session.begin():
        ids = await repo.insert_notifications(session, [notification_row(customer) for _ in range(3)])
        first, second, third = sorted(ids.values())
        for id_, state in ((first, "pending"), (second, "dead")):
            await durable.enqueue(session, "notification.deliver", {"notification_id": id_}, dedupe_key=f"n:{id_}")
            await session.execute(update(durable_jobs_table).where(durable_jobs_table.c.dedupe_key == f"n:{id_}")
                                  .values(state=state))  # fmt: skip
    async with db.sessionmaker() as session:
        loaded = await repo.load_many(session, [third, first])
        assert await repo.load_many(session, []) == []
        schedule = await repo.delivery_schedule(session, {f"n:{first}": first, f"n:{second}": second, "n:0": 0})
        assert await repo.delivery_schedule(session, {}) == {}
    assert [n.id for n in loaded] == [first, third]
    assert list(schedule) == [first] and schedule[first].tzinfo is not None  # dead or missing: no next try
