"""reservation watch_seen_at: the orphan pass's first sighting, kept in the database

The orphaned-reservation pass became a recurring durable job that any replica may run, so the
wall-clock time it first saw a unit reserved (its age as an orphan candidate) is a column, not a
replica's memory.

Revision ID: entitlements_0005
Revises: entitlements_plumbing_v2
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "entitlements_0005"
down_revision: str | None = "entitlements_plumbing_v2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reservations") as batch:
        batch.add_column(sa.Column("watch_seen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reservations") as batch:
        batch.drop_column("watch_seen_at")
