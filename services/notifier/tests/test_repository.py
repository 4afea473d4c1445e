"""Notifier SQL on SQLite and PostgreSQL: idempotent inserts, search filters and paging, the
compare-and-set claim of due notifications, and the start of the retry window."""

from __future__ import annotations

import datetime as dt
from typing import Any

from services.notifier import repository as repo
from services.notifier.models import DeliveryAttempt
from services.notifier.tests.conftest import NOTIFIED_AT, TEXT, new_customer, notification_row
from vipkit.db import Database

NOW = NOTIFIED_AT


async def test_insert_is_idempotent_on_the_event_id(db: Database) -> None:
    customer = new_customer()
    first = notification_row(customer)
    async with db.sessionmaker() as session, session.begin():
        assert await repo.insert_notification(session, first) is True
        assert await repo.insert_notification(session, {**first, "text": "另一条"}) is False
        many = [notification_row(customer), notification_row(customer)]
        inserted = await repo.insert_notifications(session, [*many, first])
        assert await repo.insert_notifications(session, []) == set()
    assert inserted == {many[0]["event_id"], many[1]["event_id"]}
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


async def test_claim_takes_due_rows_once_and_leases_them(db: Database) -> None:
    customer = new_customer()
    lease = NOW + dt.timedelta(minutes=5)
    async with db.sessionmaker() as session, session.begin():
        for values in (
            notification_row(customer),  # never tried: due
            notification_row(customer, next_attempt_at=NOW - dt.timedelta(seconds=1)),  # retry due
            notification_row(customer, next_attempt_at=NOW + dt.timedelta(minutes=1)),  # retry later
            notification_row(customer, status="sent"),
        ):
            await repo.insert_notification(session, values)
    async with db.sessionmaker() as session, session.begin():
        claimed = await repo.claim_due(session, now=NOW, lease_until=lease, limit=10)
        again = await repo.claim_due(session, now=NOW, lease_until=lease, limit=10)
        loaded = await repo.load_many(session, claimed)
        assert await repo.load_many(session, []) == []
    assert len(claimed) == 2 and again == []
    assert [n.id for n in loaded] == sorted(claimed)
    assert all(n.next_attempt_at == lease for n in loaded)
    async with db.sessionmaker() as session, session.begin():  # after the lease the claim comes back
        assert sorted(await repo.claim_due(session, now=lease, lease_until=lease, limit=1)) == [min(claimed)]


async def test_first_attempt_is_the_earliest_recorded_attempt(db: Database) -> None:
    customer = new_customer()
    values = notification_row(customer)
    async with db.sessionmaker() as session, session.begin():
        await repo.insert_notification(session, values)
        stored = await repo.get_by_event_id(session, values["event_id"])
        assert stored is not None
        assert await repo.first_attempt_at(session, stored.id) is None
        for no, minutes in ((1, 0), (2, 3)):
            repo.add_attempt(
                session,
                DeliveryAttempt(
                    notification_id=stored.id, attempt_no=no, attempted_at=NOW + dt.timedelta(minutes=minutes),
                    adapter="sink-sms", outcome="failed", error="HTTP 503",
                ),
            )  # fmt: skip
        await session.flush()
        assert await repo.first_attempt_at(session, stored.id) == NOW
        locked = await repo.lock_for_update(session, stored.id)
        assert locked is not None and locked.id == stored.id
    async with db.sessionmaker() as session:
        reread = await repo.get(session, stored.id)
        assert reread is not None and [a.attempt_no for a in reread.attempts] == [1, 2]
