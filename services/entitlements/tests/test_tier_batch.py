"""``tier_batch``: a batch of tier states applied set-wise writes the same tier rows, grants, ledger
rows and ``entitlement.changed.v1`` events (in each customer's order) as one event at a time."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import event, select

from services.entitlements.main import MIGRATIONS_DIR
from services.entitlements.models import CustomerTier, Grant, LedgerEntry
from services.entitlements.tests.conftest import new_customer, tier_event
from services.entitlements.tests.test_consumer_batches import record
from services.entitlements.tests.test_consumers import runner
from vipkit.consumer_batch import process_messages
from vipkit.db import Database, outbox_table
from vipkit.testing import DatabaseFactory


def journey(customers: list[str]) -> list[tuple[bytes, str]]:
    """Per customer: star_2 → star_5 → none (every grant to quota 0) → star_3 → a stale star_1;
    customers interleaved, so a batch holds several events of one customer."""
    out = []
    for n, c in enumerate(customers):
        steps = [("star_2", 1), (["star_5", "star_4"][n % 2], 2), ("none", 3), ("star_3", 5), ("star_1", 4)]
        out.append([(tier_event(c, tier, seq, when=f"2026-06-0{seq}T10:00", event_id=str(uuid.uuid4())), c)
                    for tier, seq in steps])  # fmt: skip
    return [step for group in zip(*out, strict=True) for step in group]


async def effects(db: Database, customers: list[str]) -> dict[str, Any]:
    async with db.sessionmaker() as session:
        tiers = (await session.execute(select(CustomerTier).order_by(CustomerTier.customer_id))).scalars().all()
        grants = (await session.execute(select(Grant).order_by(Grant.id))).scalars().all()
        ledger = (await session.execute(select(LedgerEntry).order_by(LedgerEntry.id))).scalars().all()
        outbox = (
            await session.execute(select(outbox_table.c.key, outbox_table.c.payload).order_by(outbox_table.c.id))
        ).all()
    by_grant = {g.id: (g.customer_id, g.service_code, g.period_start) for g in grants}
    return {
        "tiers": [(t.customer_id, t.tier, t.sequence, t.status, t.entitled_since, t.source) for t in tiers],
        "grants": sorted((g.customer_id, g.service_code, g.period_start, g.period_end, g.quota, g.used, g.reserved, g.tier) for g in grants),
        "ledger": {c: [(by_grant[e.grant_id], e.action, e.quota, e.used, e.reserved, e.reason, e.source)
                       for e in ledger if e.customer_id == c] for c in customers},
        "events": {c: [json.loads(p)["data"] for k, p in outbox if k == c] for c in customers},
    }  # fmt: skip


async def test_a_set_wise_batch_has_the_effects_of_one_event_at_a_time(db_kind: str, db_factory: DatabaseFactory):
    customers = [new_customer() for _ in range(4)]
    messages = [record(i, raw, key) for i, (raw, key) in enumerate(journey(customers))]
    batched = Database(db_factory.create(db_kind, MIGRATIONS_DIR))
    single = Database(db_factory.create(db_kind, MIGRATIONS_DIR))
    try:
        commits: list[int] = []
        event.listen(batched.engine.sync_engine, "commit", lambda _conn: commits.append(1))
        await process_messages(runner(batched, kafka_batch_size=50), messages)
        assert len(commits) == 1  # applied as one batch, not rolled back to the one-by-one path
        one_by_one = runner(single, kafka_batch_size=1)
        for m in messages:
            await one_by_one.process(m.topic, m.value, m)
        got, expected = await effects(batched, customers), await effects(single, customers)
        assert got == expected
        assert {t[1] for t in got["tiers"]} == {"star_3"}
        assert any(e["quota"] == 0 for e in got["events"][customers[0]])  # the "none" step zeroed the grants
        assert len(got["ledger"][customers[0]]) >= 4
    finally:
        await batched.dispose()
        await single.dispose()
