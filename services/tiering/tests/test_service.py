"""Tiering use cases against a real database: concurrency, chunked runs, scheduler, start-up validation."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from contracts.policy import PolicyDocument
from services.tiering import runs, service, views
from services.tiering.context import TieringContext
from services.tiering.jobs import daily_jobs
from services.tiering.main import MIGRATIONS_DIR, create_app
from services.tiering.programs import PROGRAMS_DIR, ProgramError, load_program
from services.tiering.settings import TieringSettings
from services.tiering.tests.conftest import common, make_app, new_customer, new_policy_no, outbox, policy_body
from vipkit import clock
from vipkit.db import Database
from vipkit.scheduler import Scheduler
from vipkit.testing import DatabaseFactory, app_client

STARS = load_program("stars")
NOW = dt.datetime(2026, 5, 10, 10, tzinfo=clock.SHANGHAI)


def doc(customer: str, premium: str, **kw: Any) -> PolicyDocument:
    body = policy_body(
        customer, annual_premium=premium, payment_years=10, effective_date="2026-04-01", cooling_off_end=None, **kw
    )
    return PolicyDocument.model_validate(body)


async def upsert(db: Database, policy_no: str, d: PolicyDocument) -> service.UpsertOutcome:
    with clock.frozen(NOW):
        async with db.sessionmaker() as session, session.begin():
            return await service.upsert_policy(session, STARS, policy_no, d)


async def test_concurrent_policy_changes_of_one_customer_get_distinct_increasing_sequences(
    postgres_only: str, db_factory: DatabaseFactory
) -> None:
    db = Database(db_factory.create(postgres_only, MIGRATIONS_DIR))
    try:
        customer = new_customer()
        premiums = ["10000.00", "20000.00", "70000.00", "200000.00"]  # each one raises the tier
        await asyncio.gather(*(upsert(db, f"P{i}{customer}", doc(customer, p)) for i, p in enumerate(premiums)))
        async with db.sessionmaker() as session:
            tier = await views.get_tier(session, STARS, customer)
            history = (await views.get_history(session, STARS, customer, limit=50, after=None)).items
        sequences = [h.sequence for h in history]
        assert sequences == list(range(1, len(history) + 1)) and tier.sequence == len(history)
        assert tier.tier == "star_5" and tier.score == 300000
    finally:
        await db.dispose()


async def test_holder_change_rerates_old_and_new_holder(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    try:
        old, new, policy_no = new_customer(), new_customer(), new_policy_no()
        await upsert(db, policy_no, doc(old, "40000.00"))
        outcome = await upsert(db, policy_no, doc(new, "40000.00"))
        assert outcome.status == "updated" and outcome.rerated == sorted([old, new])
        async with db.sessionmaker() as session:
            assert (await views.get_tier(session, STARS, old)).tier == "none"
            assert (await views.get_tier(session, STARS, new)).tier == "star_3"
    finally:
        await db.dispose()


async def test_run_processes_every_customer_in_chunks(db_url: str) -> None:
    app = make_app(db_url)  # run_chunk_size=7
    async with app_client(app):
        db: Database = app.state.db
        customers = [new_customer() for _ in range(20)]
        with clock.frozen(dt.datetime(2026, 4, 1, 10, tzinfo=clock.SHANGHAI)):
            for c in customers:
                async with db.sessionmaker() as session, session.begin():
                    await service.upsert_policy(session, STARS, new_policy_no(), doc(c, "15000.00"))
        result = await runs.run_for_date(db, STARS, dt.date(2026, 4, 16), chunk_size=7)
        assert (result.evaluated, result.changed, result.notices) == (20, 20, 20)
        tiers = {e["data"]["customer_id"]: e["data"]["to_tier"] for e in await outbox(app, "tier.changed.v1")}
        assert tiers == dict.fromkeys(customers, "star_2")


async def test_scheduler_daily_job_at_0030_runs_the_same_code_once(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    try:
        customer = new_customer()
        with clock.frozen(dt.datetime(2026, 4, 1, 10, tzinfo=clock.SHANGHAI)):
            async with db.sessionmaker() as session, session.begin():
                await service.upsert_policy(session, STARS, new_policy_no(), doc(customer, "15000.00"))
        ctx = TieringContext(
            settings=TieringSettings(database_url=sqlite_url), common=common(test_clock=False), program=STARS, db=db
        )
        scheduler = Scheduler(db, daily_jobs(ctx))
        assert await scheduler.tick(dt.datetime(2026, 4, 16, 0, 29, tzinfo=clock.SHANGHAI)) == []
        assert await scheduler.tick(dt.datetime(2026, 4, 16, 0, 30, tzinfo=clock.SHANGHAI)) == ["tiering-daily-run"]
        assert await scheduler.tick(dt.datetime(2026, 4, 16, 9, 0, tzinfo=clock.SHANGHAI)) == []  # once a day
        async with db.sessionmaker() as session:
            assert (await views.get_tier(session, STARS, customer)).tier == "star_2"
        again = await runs.run_for_date(db, STARS, dt.date(2026, 4, 16))
        assert again.replayed is True
    finally:
        await db.dispose()


def test_start_up_refuses_a_bad_program_file_naming_the_key(tmp_path: Path) -> None:
    text = (PROGRAMS_DIR / "levels.yaml").read_text(encoding="utf-8")
    (tmp_path / "levels.yaml").write_text(text.replace("subject: holder", "subject: payer"), encoding="utf-8")
    with pytest.raises(ProgramError, match=r"levels\.yaml: subject"):
        create_app(TieringSettings(programs_dir=str(tmp_path)), common("levels"))
    with pytest.raises(ProgramError, match="VIP_PROGRAM"):
        create_app(TieringSettings(), common("gold"))
