"""delivery on durable jobs: a job for every queued notification; the per-row schedule dropped

The delivery schedule (next try, lease, retry window) moves from ``notifications.next_attempt_at``
to each notification's ``durable_jobs`` row (``notification:<id>``). Status, attempt count, last
error and the attempts stay: the API shows them.

Revision ID: notifier_delivery_jobs
Revises: notifier_plumbing_v2
Create Date: 2026-11-29
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "notifier_delivery_jobs"
down_revision: str | None = "notifier_plumbing_v2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RETRY_SECONDS = 24 * 3600
_jobs = sa.table(
    "durable_jobs",
    *(sa.column(name) for name in ("kind", "payload", "dedupe_key", "state", "attempts", "retry_seconds")),
    *(sa.column(name, sa.DateTime(timezone=True)) for name in ("run_after", "give_up_at", "created_at", "updated_at")),
)


def upgrade() -> None:
    bind = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    queued = bind.execute(sa.text("SELECT id FROM notifications WHERE status = 'queued' ORDER BY id")).scalars().all()
    rows = [
        {
            "kind": "notification.deliver",
            "payload": f'{{"notification_id":{id_}}}',
            "dedupe_key": f"notification:{id_}",
            "state": "pending",
            "attempts": 0,
            "run_after": now,
            "give_up_at": now + dt.timedelta(seconds=RETRY_SECONDS),
            "retry_seconds": RETRY_SECONDS,
            "created_at": now,
            "updated_at": now,
        }
        for id_ in queued
    ]
    for start in range(0, len(rows), 1000):
        op.bulk_insert(_jobs, rows[start : start + 1000])  # type: ignore[arg-type]
    op.drop_index("ix_notifications_due", table_name="notifications")
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("next_attempt_at")


def downgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_notifications_due", "notifications", ["status", "next_attempt_at"])
    op.execute("DELETE FROM durable_jobs WHERE kind = 'notification.deliver'")
