"""The import over worker processes (``parallel_import``) writes what the import in one process writes:
same policies, states, history and events per customer, same counts, same errors by line number."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from services.tiering import importer, parallel_import
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.models import Policy
from services.tiering.programs import load_program
from services.tiering.tests.test_run_prefilter import portfolio, snapshot
from vipkit.db import Database
from vipkit.testing import DatabaseFactory

TIMES = ("at", "effective_at", "occurred_at", "created_at", "updated_at", "evaluated_at")


def _timeless(value: Any) -> Any:
    """``value`` without the wall-clock times (the workers are other processes: a test cannot freeze them)."""
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k not in TIMES}
    if isinstance(value, list | tuple):
        return [_timeless(v) for v in value]
    return value


async def _written(db: Database) -> dict[str, Any]:
    written = await snapshot(db)
    async with db.sessionmaker() as session:
        policies = (await session.execute(select(Policy).order_by(Policy.policy_no))).scalars().all()
        rows = [
            {c.name: getattr(p, c.key) for c in Policy.__table__.c if c.name not in ("created_at", "updated_at")}
            for p in policies
        ]
    return {
        "policies": rows,
        "states": written["states"],
        "history": [h[:-1] for h in written["history"]],  # the last column is effective_at
        "events": _timeless(written["events"]),
    }


def holder_lines() -> list[str]:
    items = portfolio(load_program("stars"), 4) + portfolio(load_program("stars"), 5)
    lines = [json.dumps({"policy_no": no, "policy": body}, ensure_ascii=False) for no, body in items]
    escaped = json.loads(lines[7])  # an escaped holder id: read with json.loads, same worker as its twin
    lines.insert(9, json.dumps({"policy_no": "ESCAPED-1", "policy": escaped["policy"]}, ensure_ascii=True))
    lines.insert(3, '{"policy_no": "BROKEN-1", "policy": {')  # not JSON
    lines.insert(20, json.dumps({"policy_no": "BAD-1", "policy": {**escaped["policy"], "annual_premium": "-1"}}))
    lines.insert(30, "")
    return lines


def test_the_holder_key_is_the_one_json_reads() -> None:
    for line in holder_lines():
        raw = line.encode()
        try:
            expected = json.loads(raw)["policy"]["holder"]["customer_id"].encode()
        except (ValueError, KeyError, TypeError):
            expected = None
        assert parallel_import.holder_key(raw) == expected
    assert parallel_import.holder_key(b'{"policy": {"holder": {"customer_id": "C\\u0031"}}}') == b"C1"
    assert parallel_import.holder_key(b'{"policy": {"holder": {"customer_id": 1}}}') is None


@pytest.mark.parametrize("batch_size", [1000, 25])
async def test_two_workers_write_what_one_process_writes(
    postgres_only: str, db_factory: DatabaseFactory, batch_size: int
) -> None:
    """One batch per process (1000): everything the same. Batches of 25 split a customer's lines
    differently in a worker's share than in the whole file, so the re-ratings in between differ (as
    between batch sizes): the policies, their events and the final tiers are the same."""
    program = load_program("stars")
    content = ("\n".join(holder_lines()) + "\n").encode()

    async def chunks():  # type: ignore[no-untyped-def]
        for start in range(0, len(content), 4096):
            yield content[start : start + 4096]

    one_url, two_url = (
        db_factory.create(postgres_only, MIGRATIONS_DIR),
        db_factory.create(postgres_only, MIGRATIONS_DIR),
    )
    one, two = Database(one_url), Database(two_url)
    try:
        single = await importer.import_ndjson(one, program, chunks(), batch_size=batch_size)
        parallel = await parallel_import.import_parallel(two_url, "stars", chunks(), workers=2, batch_size=batch_size)
        assert single.rejected == 2 and single.created > 100
        assert parallel.model_dump(exclude={"rerated_customers"}) == single.model_dump(exclude={"rerated_customers"})
        a, b = await _written(one), await _written(two)
        if batch_size >= len(holder_lines()):  # one batch: the same re-ratings
            assert a == b
        else:
            assert a["policies"] == b["policies"]
            assert [s[:5] for s in a["states"]] == [s[:5] for s in b["states"]]
            changed = {k: [e for e in es if e[0] == "policy.changed.v1"] for k, es in a["events"].items()}
            assert changed == {k: [e for e in es if e[0] == "policy.changed.v1"] for k, es in b["events"].items()}
    finally:
        await one.dispose()
        await two.dispose()
