"""Bulk import: a batch that fails to write is reported and the rest goes on; importing the same file
again finishes the job (written policies are replays, the missing ones are created)."""

from __future__ import annotations

import json

from sqlalchemy import func, select, text

from services.tiering import importer
from services.tiering.main import MIGRATIONS_DIR
from services.tiering.models import Policy, TierStateRow
from services.tiering.programs import load_program
from services.tiering.tests.conftest import new_customer, policy_body
from vipkit.db import Database, outbox_table
from vipkit.testing import DatabaseFactory

REFUSED = "RESUME-0014"


async def refuse_one_policy(db: Database) -> None:
    """A real database failure inside one batch: a trigger that refuses one policy number."""
    async with db.engine.begin() as conn:
        if db.is_postgres:
            await conn.execute(
                text(
                    "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                    f"IF NEW.policy_no = '{REFUSED}' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; "
                    "RETURN NEW; END $$ LANGUAGE plpgsql"
                )
            )
            await conn.execute(
                text("CREATE TRIGGER refuse BEFORE INSERT ON policies FOR EACH ROW EXECUTE FUNCTION refuse()")
            )
        else:
            await conn.execute(
                text(
                    f"CREATE TRIGGER refuse BEFORE INSERT ON policies WHEN NEW.policy_no = '{REFUSED}' "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"
                )
            )


async def counts(db: Database) -> tuple[int, int, int]:
    async with db.sessionmaker() as session:
        policies = (await session.execute(select(func.count()).select_from(Policy))).scalar_one()
        states = (await session.execute(select(func.count()).select_from(TierStateRow))).scalar_one()
        events = (
            await session.execute(
                select(func.count()).select_from(outbox_table).where(outbox_table.c.topic == "policy.changed.v1")
            )
        ).scalar_one()
    return policies, states, events


async def test_a_failed_batch_is_reported_the_rest_is_imported_and_a_second_run_finishes(
    db_kind: str, db_factory: DatabaseFactory
) -> None:
    program = load_program("stars")
    db = Database(db_factory.create(db_kind, MIGRATIONS_DIR))
    lines = [
        json.dumps({"policy_no": f"RESUME-{n:04d}", "policy": policy_body(new_customer(), annual_premium="40000.00")})
        for n in range(30)
    ]
    content = ("\n".join(lines) + "\n").encode()

    async def chunks():  # type: ignore[no-untyped-def]
        yield content

    try:
        await refuse_one_policy(db)
        first = await importer.import_ndjson(db, program, chunks(), batch_size=10)
        assert (first.received, first.created, first.rejected) == (30, 20, 10)
        (error,) = first.errors
        assert (error.line, error.policy_no, error.field) == (11, None, None)
        assert error.message.startswith("lines 11-20 not written (10 policies)")
        assert await counts(db) == (20, 20, 20)  # the failed batch left nothing behind, the others are whole

        async with db.engine.begin() as conn:
            await conn.execute(text("DROP TRIGGER refuse ON policies" if db.is_postgres else "DROP TRIGGER refuse"))
        second = await importer.import_ndjson(db, program, chunks(), batch_size=10)
        assert (second.created, second.unchanged, second.rejected) == (10, 20, 0)
        assert await counts(db) == (30, 30, 30)  # replays wrote and published nothing
    finally:
        await db.dispose()
