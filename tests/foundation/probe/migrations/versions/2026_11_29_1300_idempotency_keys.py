"""idempotency_keys: the probe answers its ops POSTs' Idempotency-Key like every service (vipkit.idempotency)

Revision ID: probe_idempotency
Revises: probe_plumbing_v2
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

from vipkit.idempotency import create_idempotency_table

revision: str = "probe_idempotency"
down_revision: str | None = "probe_plumbing_v2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_idempotency_table(op)


def downgrade() -> None:
    op.drop_table("idempotency_keys")
