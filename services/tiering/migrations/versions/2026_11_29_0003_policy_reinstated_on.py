"""policies.reinstated_on: the date a lapsed or suspended policy came back in force

Revision ID: tiering_0003
Revises: tiering_0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "tiering_0003"
down_revision: str | None = "tiering_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("policies") as batch:
        batch.add_column(sa.Column("reinstated_on", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("policies") as batch:
        batch.drop_column("reinstated_on")
