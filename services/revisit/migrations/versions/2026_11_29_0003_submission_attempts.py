"""revisit_submission_attempts: too-fast submissions audited with answers, time, IP and user agent

Revision ID: revisit_0003
Revises: revisit_0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "revisit_0003"
down_revision: str | None = "revisit_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revisit_submission_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "session_id",
            sa.String(40),
            sa.ForeignKey("revisit_sessions.id", name="fk_revisit_submission_attempts_session_id_revisit_sessions"),
            nullable=False,
        ),
        sa.Column(
            "task_id",
            sa.String(40),
            sa.ForeignKey("revisit_tasks.id", name="fk_revisit_submission_attempts_task_id_revisit_tasks"),
            nullable=False,
        ),
        sa.Column("refusal", sa.String(32), nullable=False),
        sa.Column("seconds_remaining", sa.Integer, nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("remark", sa.String(200), nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("user_agent", sa.String(500), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_revisit_submission_attempts_session_id", "revisit_submission_attempts", ["session_id"])
    op.create_index("ix_revisit_submission_attempts_task_id", "revisit_submission_attempts", ["task_id"])


def downgrade() -> None:
    op.drop_table("revisit_submission_attempts")
