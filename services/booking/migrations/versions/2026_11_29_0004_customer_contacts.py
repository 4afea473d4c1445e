"""customer_contacts: each customer's mobile from their policies (policy.changed.v1) for booking SMS

Revision ID: booking_0004
Revises: booking_0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "booking_0004"
down_revision: str | None = "booking_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customer_contacts",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("mobile", sa.String(32), nullable=False),
        sa.Column("policy_no", sa.String(64), nullable=False),
        sa.Column("underwritten_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("customer_contacts")
