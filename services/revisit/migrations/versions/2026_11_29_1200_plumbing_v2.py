"""plumbing v2: durable_jobs, dead_letters, outbox parking, scheduler leases

Revision ID: revisit_plumbing_v2
Revises: revisit_0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

from vipkit.plumbing import add_plumbing_v2, drop_plumbing_v2

revision: str = "revisit_plumbing_v2"
down_revision: str | None = "revisit_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_plumbing_v2(op)


def downgrade() -> None:
    drop_plumbing_v2(op)
