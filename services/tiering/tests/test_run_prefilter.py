"""Runs: the set-based prefilter never skips a customer whose state would change.

A generated portfolio full of boundary cases (scores at and one cent under every tier bound, effective
dates, cooling-off ends, top-up dates and ``levels`` payment-period cut-offs falling between runs,
a 29 Feb anniversary, review dates, grace, next-day drops, policy changes through the intake and one
behind its back) is driven through the same dated runs twice, in two databases: once with the
filtered run (``prefilter=True``, the default) and once with every customer through the rules
(``prefilter=False``). States, history, outbox events and run figures must be identical.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from contracts.policy import PolicyDocument
from services.tiering import runs, service
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.models import Policy, TierHistory, TierStateRow
from services.tiering.programs import Program, load_program
from services.tiering.tests.conftest import policy_body
from vipkit import clock
from vipkit.db import Database, outbox_table
from vipkit.testing import DatabaseFactory

START = dt.date(2026, 2, 20)
END = dt.date(2026, 7, 6)


def _local(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=clock.SHANGHAI)


def _day(rng: random.Random, lo: dt.date = START, hi: dt.date = END) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def portfolio(program: Program, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """(policy_no, body) pairs: ~40 customers with 1-3 policies each, every amount near a bound."""
    rng = random.Random(seed)
    bounds = [t.min_score for t in program.tiers] + [program.tiers[-1].min_score * 2]
    customers = [f"Q{seed:02d}{n:03d}" for n in range(40)]
    out: list[tuple[str, dict[str, Any]]] = []
    for n, customer in enumerate(customers):
        for k in range(rng.randint(1, 3)):
            bound = rng.choice(bounds)
            premium = max(bound - Decimal(rng.choice(["0", "0", "0.01", "1", "100"])), Decimal("0.00"))
            kind = rng.choice(["traditional", "health", "universal", "investment_linked", "participating"])
            single = rng.random() < 0.2
            years = 1 if single else rng.choice([3, 10, 10, 20])
            effective = _day(rng, START - dt.timedelta(days=60))
            if program.eligibility.max_years_after_payment_period is not None and rng.random() < 0.3:
                # the payment period + N years ends inside the window (one on a 29 Feb anniversary)
                cut = _day(rng)
                back = years + program.eligibility.max_years_after_payment_period
                effective = dt.date(2020, 2, 29) if rng.random() < 0.2 else cut.replace(year=cut.year - back)
                if effective == dt.date(2020, 2, 29):
                    years, single = 3, False
                    back = 6
            cooling = None if rng.random() < 0.7 else (effective + dt.timedelta(days=rng.randint(0, 30))).isoformat()
            top_ups = []
            if kind in ("universal", "investment_linked") and rng.random() < 0.6:
                top_ups.append(
                    {"kind": "ad_hoc", "amount": f"{rng.choice([1000, 200000])}.00", "date": _day(rng).isoformat()}
                )
            insured = customer if rng.random() < 0.7 else customers[(n + 1) % len(customers)]
            body = policy_body(
                customer,
                insured=insured,
                product={"code": "X", "name": "产品", "kind": kind},
                channel=rng.choice(["agency", "agency", "direct", "direct", "group", "bancassurance"]),
                payment_mode="single" if single else "regular",
                annual_premium=f"{premium:.2f}",
                payment_years=years,
                top_ups=top_ups,
                status=rng.choice(["in_force"] * 8 + ["lapsed", "suspended"]),
                underwritten_at=f"{(effective - dt.timedelta(days=1)).isoformat()}T10:00:00+08:00",
                effective_date=effective.isoformat(),
                cooling_off_end=cooling,
                loan_or_pledge=rng.random() < 0.1,
            )
            out.append((f"QP{seed:02d}{n:03d}{k}", body))
    return out


async def snapshot(db: Database) -> dict[str, Any]:
    async with db.sessionmaker() as session:
        s = TierStateRow.__table__
        states = [
            tuple(r)
            for r in (
                await session.execute(select(*[c for c in s.c if c.name != "updated_at"]).order_by(s.c.customer_id))
            ).all()
        ]
        h = TierHistory.__table__
        history = [
            tuple(r)
            for r in (
                await session.execute(
                    select(*[c for c in h.c if c.name not in ("id", "created_at")]).order_by(h.c.customer_id, h.c.id)
                )
            ).all()
        ]
        o = outbox_table
        events: dict[str, list[Any]] = {}
        for row in (await session.execute(select(o.c.topic, o.c.key, o.c.payload).order_by(o.c.id))).all():
            events.setdefault(row.key, []).append((row.topic, json.loads(row.payload)["data"]))
    return {"states": states, "history": history, "events": events}


async def _drive(
    db: Database, program: Program, seed: int, prefilter: bool, setwise: bool = True
) -> list[tuple[int, int, int]]:
    rng = random.Random(seed * 7 + 1)
    items = portfolio(program, seed)
    with clock.frozen(_local(START - dt.timedelta(days=1))):
        async with db.sessionmaker() as session, session.begin():
            for policy_no, body in items:
                await service.upsert_policy(session, program, policy_no, PolicyDocument.model_validate(body))
    review = [dt.date(2026, 3, 31), dt.date(2026, 6, 30)]
    days = sorted({*review, *(d + dt.timedelta(days=1) for d in review), *(_day(rng) for _ in range(22)), START, END})
    figures = []
    for i, day in enumerate(days):
        with clock.frozen(_local(day, 0)):
            run = await runs.run_for_date(
                db, program, day, chunk_size=9, prefilter=prefilter, setwise=setwise, catch_up=False
            )
        figures.append((run.evaluated, run.changed, run.notices))
        if i % 5 == 2:  # policy changes between runs: through the intake, and one behind its back
            with clock.frozen(_local(day, 15)):
                policy_no, body = items[(i * 13) % len(items)]
                changed = {**body, "status": "lapsed" if body["status"] == "in_force" else "in_force"}
                async with db.sessionmaker() as session, session.begin():
                    await service.upsert_policy(session, program, policy_no, PolicyDocument.model_validate(changed))
                async with db.sessionmaker() as session, session.begin():
                    await session.execute(
                        update(Policy)
                        .where(Policy.policy_no == items[(i * 29 + 5) % len(items)][0])
                        .values(status="lapsed", updated_at=clock.now())
                    )
    return figures


@pytest.mark.parametrize("program_name", ["stars", "levels", "cards"])
async def test_runs_with_the_prefilter_equal_runs_evaluating_everyone(
    program_name: str, db_kind: str, db_factory: DatabaseFactory
) -> None:
    program = load_program(program_name)
    filtered, full = (
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
    )
    try:
        seed = {"stars": 1, "levels": 2, "cards": 3}[program_name]
        figures = await _drive(filtered, program, seed, True)
        assert figures == await _drive(full, program, seed, False)
        a, b = await snapshot(filtered), await snapshot(full)
        assert a["states"] == b["states"]
        assert a["history"] == b["history"]
        assert a["events"] == b["events"]
        assert sum(changed for _, changed, _ in figures[1:]) >= 10  # the later runs do move the portfolio
    finally:
        await filtered.dispose()
        await full.dispose()


@pytest.mark.parametrize("program_name", ["stars", "levels", "cards"])
async def test_setwise_runs_equal_runs_rating_each_customer_by_the_rules(
    program_name: str, db_kind: str, db_factory: DatabaseFactory
) -> None:
    """Scores from one SQL aggregation (``bulk.rerate(setwise=True)``, PostgreSQL) decide exactly as
    ``rules.rate`` on every customer's policies: cold first run, daily runs, review dates, cooling-off
    policies, changes through the intake and behind its back (on SQLite both sides rate by the rules)."""
    program = load_program(program_name)
    setwise, by_rules = (
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
    )
    try:
        seed = {"stars": 5, "levels": 6, "cards": 7}[program_name]
        figures = await _drive(setwise, program, seed, True, setwise=True)
        assert figures == await _drive(by_rules, program, seed, True, setwise=False)
        a, b = await snapshot(setwise), await snapshot(by_rules)
        assert a["states"] == b["states"]
        assert a["history"] == b["history"]
        assert a["events"] == b["events"]
        assert sum(changed for _, changed, _ in figures) >= 10
        assert any(s[3] == "provisional" for s in a["states"]) or any(
            "provisional" in json.dumps(e) for es in a["events"].values() for e in es
        )
    finally:
        await setwise.dispose()
        await by_rules.dispose()


async def test_bulk_import_of_new_policies_writes_what_the_intake_writes_one_by_one(
    db_kind: str, db_factory: DatabaseFactory
) -> None:
    """The set-based path for an all-new import batch: same policies, top-ups, events and tiers as PUT."""
    from services.tiering import importer

    program = load_program("stars")
    items = portfolio(program, 4)[:60]
    # the same holder several times, underwritten out of order; one holder has a stored earlier policy
    for n, (_no, body) in enumerate(items):
        body["underwritten_at"] = f"2026-01-{(n * 7) % 28 + 1:02d}T10:00:00+08:00"
    stored_no, stored = "QSTORED", {**items[3][1], "underwritten_at": "2025-12-01T10:00:00+08:00"}
    bulk, single = (
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
        Database(db_factory.create(db_kind, MIGRATIONS_DIR)),
    )
    try:
        content = "".join(json.dumps({"policy_no": no, "policy": body}) + "\n" for no, body in items).encode()

        async def chunks():  # type: ignore[no-untyped-def]
            yield content

        with clock.frozen(_local(START)):
            for db in (bulk, single):
                async with db.sessionmaker() as session, session.begin():
                    await service.upsert_policy(session, program, stored_no, PolicyDocument.model_validate(stored))
            result = await importer.import_ndjson(bulk, program, chunks(), batch_size=25)
            assert (result.created, result.rejected) == (len(items), 0)
            for no, body in items:
                async with single.sessionmaker() as session, session.begin():
                    await service.upsert_policy(session, program, no, PolicyDocument.model_validate(body))
        a, b = await snapshot(bulk), await snapshot(single)
        assert [s[:5] for s in a["states"]] == [s[:5] for s in b["states"]]  # one re-rating per batch: fewer steps
        changed = [(k, e) for k, es in a["events"].items() for e in es if e[0] == "policy.changed.v1"]
        assert changed == [(k, e) for k, es in b["events"].items() for e in es if e[0] == "policy.changed.v1"]
        assert any(not e[1]["first_policy_of_holder"] for _k, e in changed)
        rows = []
        for db in (bulk, single):
            async with db.sessionmaker() as session:
                policies = (await session.execute(select(Policy).order_by(Policy.policy_no))).scalars().all()
                rows.append(
                    [
                        (
                            {c.name: getattr(p, c.key) for c in Policy.__table__.c},
                            [(t.kind, t.amount, t.date) for t in p.top_ups],
                        )
                        for p in policies
                    ]
                )
        assert rows[0] == rows[1]
    finally:
        await bulk.dispose()
        await single.dispose()
