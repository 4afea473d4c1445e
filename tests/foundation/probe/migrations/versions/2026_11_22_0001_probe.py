"""probe: plumbing + notes + effects

Revision ID: probe_0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vipkit.db import create_plumbing_tables, drop_plumbing_tables

revision: str = "probe_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_plumbing_tables(op)
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("text", sa.String(500), nullable=False),
    )
    op.create_table(
        "effects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("text", sa.String(500), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("effects")
    op.drop_table("notes")
    drop_plumbing_tables(op)
