"""calendar_version: one counter bumped by every change of the ops-maintained calendar

Each booking process keeps the working-day calendar in memory and reads only this row per request
(``calendar_repository.CalendarCache``); a change made through any replica moves the counter in
the change's own transaction, so every replica reloads on its next request.

Revision ID: booking_calendar_version
Revises: booking_webhook_jobs
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "booking_calendar_version"
down_revision: str | None = "booking_webhook_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "calendar_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("calendar_version")
