"""partner webhooks on durable jobs: a job for every pending delivery; the queue's due index dropped

Each outbound webhook is now a ``durable_jobs`` row (``webhook:<delivery id>``, ordered per booking
by ``ordering_key``); ``webhook_deliveries`` keeps the message, its status and attempts for ops.

Revision ID: booking_webhook_jobs
Revises: booking_plumbing_v2
Create Date: 2026-11-29
"""

import datetime as dt
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "booking_webhook_jobs"
down_revision: str | None = "booking_plumbing_v2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the schedule's total (rules.RETRY_DELAYS, 27 h 35 min 5 s) plus a day, as webhooks_out.WEBHOOK_RETRY_FOR
RETRY_SECONDS = 27 * 3600 + 35 * 60 + 5 + 24 * 3600
_jobs = sa.table(
    "durable_jobs",
    *(sa.column(name) for name in ("kind", "payload", "dedupe_key", "ordering_key", "state", "attempts")),
    sa.column("retry_seconds"),
    *(sa.column(name, sa.DateTime(timezone=True)) for name in ("run_after", "give_up_at", "created_at", "updated_at")),
)


def upgrade() -> None:
    now = dt.datetime.now(dt.UTC)
    pending = op.get_bind().execute(
        sa.text("SELECT id, booking_id FROM webhook_deliveries WHERE status = 'pending' ORDER BY created_at, id")
    )
    rows = [
        {
            "kind": "booking.webhook",
            "payload": json.dumps({"delivery_id": delivery_id}),
            "dedupe_key": f"webhook:{delivery_id}",
            "ordering_key": f"booking:{booking_id}" if booking_id else None,
            "state": "pending",
            "attempts": 0,
            "retry_seconds": RETRY_SECONDS,
            "run_after": now,
            "give_up_at": now + dt.timedelta(seconds=RETRY_SECONDS),
            "created_at": now,
            "updated_at": now,
        }
        for delivery_id, booking_id in pending.all()
    ]
    if rows:
        op.bulk_insert(_jobs, rows)  # type: ignore[arg-type]
    op.drop_index("ix_webhook_deliveries_due", table_name="webhook_deliveries")


def downgrade() -> None:
    op.create_index("ix_webhook_deliveries_due", "webhook_deliveries", ["status", "next_attempt_at"])
    op.execute("DELETE FROM durable_jobs WHERE kind = 'booking.webhook'")
