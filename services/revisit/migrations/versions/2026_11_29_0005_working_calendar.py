"""revisit_working_calendar: booking's ops-maintained working-day calendar (calendar.changed.v1)

Revision ID: revisit_0005
Revises: revisit_0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "revisit_0005"
down_revision: str | None = "revisit_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revisit_working_calendar",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("revisit_working_calendar")
