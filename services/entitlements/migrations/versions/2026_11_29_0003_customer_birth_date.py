"""customer_tiers.birth_date: the customer's own age limits (cards rescue <= 65)

Revision ID: entitlements_0003
Revises: entitlements_0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "entitlements_0003"
down_revision: str | None = "entitlements_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customer_tiers") as batch:
        batch.add_column(sa.Column("birth_date", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer_tiers") as batch:
        batch.drop_column("birth_date")
