"""idempotency_keys: the answers to POSTs sent with an Idempotency-Key (vipkit.idempotency)

Revision ID: booking_0003
Revises: booking_0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

from vipkit.idempotency import create_idempotency_table

revision: str = "booking_0003"
down_revision: str | None = "booking_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_idempotency_table(op)


def downgrade() -> None:
    op.drop_table("idempotency_keys")
