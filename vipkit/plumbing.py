"""Plumbing tables added after the first migration (every service's database has them).

- ``durable_jobs``: work that must eventually happen (``vipkit.durable``): a ledger call, a webhook,
  a notification. Lease, attempts, backoff, ``last_error`` and a visible ``dead`` state.
- ``dead_letters``: consumed messages that were permanently bad (``vipkit.consumer``), kept so ops
  can read and replay them even when the ``<topic>.dlq`` publish failed.
- ``outbox.parked_at``: a row the relay gave up on (too large for the broker, unknown topic ...);
  later rows with the same key wait behind it (per-key order), other keys flow.
- ``job_runs.attempts`` / ``lease_until``: a scheduled occurrence that failed or was interrupted is
  claimed again once its lease has passed (``vipkit.scheduler``).

Each service adds them with one Alembic revision that calls ``add_plumbing_v2(op)``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Index, Integer, String, Table, Text

from vipkit.db import AutoId, UtcDateTime, plumbing_metadata

JOB_STATES = ("pending", "running", "done", "dead", "discarded")

durable_jobs_table = Table(
    "durable_jobs",
    plumbing_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("kind", String(100), nullable=False),
    Column("payload", Text, nullable=False),
    # idempotent enqueue: a second job with the same dedupe key is not added
    Column("dedupe_key", String(200), nullable=True, unique=True),
    # jobs with the same ordering key run one at a time, in id order (e.g. one booking's webhooks)
    Column("ordering_key", String(200), nullable=True),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("run_after", UtcDateTime, nullable=False),
    Column("lease_until", UtcDateTime, nullable=True),
    Column("give_up_at", UtcDateTime, nullable=False),
    Column("retry_seconds", Integer, nullable=False),
    Column("test_now", String(40), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime, nullable=True),
)
Index("ix_durable_jobs_due", durable_jobs_table.c.state, durable_jobs_table.c.run_after)
Index("ix_durable_jobs_ordering", durable_jobs_table.c.ordering_key, durable_jobs_table.c.id)

dead_letters_table = Table(
    "dead_letters",
    plumbing_metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("consumer", String(100), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("partition", Integer, nullable=True),
    Column("offset", AutoId, nullable=True),
    Column("key", String(200), nullable=True),
    Column("payload", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("replayed_at", UtcDateTime, nullable=True),
    Column("replay_result", Text, nullable=True),
)


def add_plumbing_v2(op: Any) -> None:
    """Create durable_jobs and dead_letters; add outbox parking and scheduler leases (frozen here)."""
    import sqlalchemy as sa

    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "durable_jobs",
        sa.Column("id", big_id, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(100), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=True),
        sa.Column("ordering_key", sa.String(200), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("run_after", ts, nullable=False),
        sa.Column("lease_until", ts, nullable=True),
        sa.Column("give_up_at", ts, nullable=False),
        sa.Column("retry_seconds", sa.Integer, nullable=False),
        sa.Column("test_now", sa.String(40), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("updated_at", ts, nullable=False),
        sa.Column("finished_at", ts, nullable=True),
        sa.UniqueConstraint("dedupe_key", name="uq_durable_jobs_dedupe_key"),
        sa.CheckConstraint(
            "state IN ('pending', 'running', 'done', 'dead', 'discarded')", name="ck_durable_jobs_state"
        ),
    )
    op.create_index("ix_durable_jobs_due", "durable_jobs", ["state", "run_after"])
    op.create_index("ix_durable_jobs_ordering", "durable_jobs", ["ordering_key", "id"])
    op.create_table(
        "dead_letters",
        sa.Column("id", big_id, primary_key=True, autoincrement=True),
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("partition", sa.Integer, nullable=True),
        sa.Column("offset", big_id, nullable=True),
        sa.Column("key", sa.String(200), nullable=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("replayed_at", ts, nullable=True),
        sa.Column("replay_result", sa.Text, nullable=True),
    )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("parked_at", ts, nullable=True))
    with op.batch_alter_table("job_runs") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("lease_until", ts, nullable=True))


def drop_plumbing_v2(op: Any) -> None:
    with op.batch_alter_table("job_runs") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("attempts")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("parked_at")
    op.drop_table("dead_letters")
    op.drop_table("durable_jobs")
