"""plumbing: outbox, inbox, job_runs

Revision ID: booking_0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

from vipkit.db import create_plumbing_tables, drop_plumbing_tables

revision: str = "booking_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_plumbing_tables(op)


def downgrade() -> None:
    drop_plumbing_tables(op)
