"""revisit tables: tasks, links, sessions, identity attempts, phone queue, phone attempts

Revision ID: revisit_0002
Revises: revisit_0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "revisit_0002"
down_revision: str | None = "revisit_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "revisit_tasks",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("policy_no", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("electronic_eligible", sa.Boolean, nullable=False),
        sa.Column("electronic_open", sa.Boolean, nullable=False),
        sa.Column("phone_reason", sa.String(20), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("close_reason", sa.String(40), nullable=True),
        sa.Column("holder_name", sa.String(100), nullable=False),
        sa.Column("holder_id_type", sa.String(30), nullable=False),
        sa.Column("holder_id_no", sa.String(40), nullable=False),
        sa.Column("holder_birth_date", sa.Date, nullable=False),
        sa.Column("holder_mobile", sa.String(20), nullable=True),
        sa.Column("insured_customer_id", sa.String(64), nullable=True),
        sa.Column("insured_name", sa.String(100), nullable=False),
        sa.Column("insured_birth_date", sa.Date, nullable=False),
        sa.Column("product_code", sa.String(64), nullable=False),
        sa.Column("product_name", sa.String(200), nullable=False),
        sa.Column("product_kind", sa.String(30), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("payment_mode", sa.String(10), nullable=False),
        sa.Column("payment_years", sa.Integer, nullable=False),
        sa.Column("coverage_years", sa.Integer, nullable=True),
        sa.Column("annual_premium", sa.Numeric(14, 2), nullable=False),
        sa.Column("underwritten_at", TS, nullable=False),
        sa.Column("effective_date", sa.Date, nullable=False),
        sa.Column("cooling_off_end", sa.Date, nullable=False),
        sa.Column("electronic_contract", sa.Boolean, nullable=False),
        sa.Column("first_policy_of_holder", sa.Boolean, nullable=False),
        sa.Column("first_sms_due_at", TS, nullable=False),
        sa.Column("first_sms_at", TS, nullable=True),
        sa.Column("second_sms_due_at", TS, nullable=True),
        sa.Column("second_sms_at", TS, nullable=True),
        sa.Column("escalation_due_at", TS, nullable=False),
        sa.Column("wechat_from", TS, nullable=False),
        sa.Column("identity_failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("identity_locked_until", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("completed_at", TS, nullable=True),
        sa.Column("closed_at", TS, nullable=True),
        sa.UniqueConstraint("policy_no", name="uq_revisit_tasks_policy_no"),
    )
    op.create_index("ix_revisit_tasks_customer_id", "revisit_tasks", ["customer_id"])
    op.create_index("ix_revisit_tasks_status", "revisit_tasks", ["status"])
    op.create_index("ix_revisit_tasks_first_sms", "revisit_tasks", ["status", "first_sms_due_at"])
    op.create_index("ix_revisit_tasks_second_sms", "revisit_tasks", ["second_sms_at", "second_sms_due_at"])
    op.create_index("ix_revisit_tasks_escalation", "revisit_tasks", ["status", "escalation_due_at"])

    op.create_table(
        "revisit_links",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "task_id",
            sa.String(40),
            sa.ForeignKey("revisit_tasks.id", name="fk_revisit_links_task_id_revisit_tasks"),
            nullable=False,
        ),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("issued_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_revisit_links_token_hash"),
    )
    op.create_index("ix_revisit_links_task_id", "revisit_links", ["task_id"])

    op.create_table(
        "revisit_sessions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "task_id",
            sa.String(40),
            sa.ForeignKey("revisit_tasks.id", name="fk_revisit_sessions_task_id_revisit_tasks"),
            nullable=False,
        ),
        sa.Column(
            "link_id",
            sa.String(40),
            sa.ForeignKey("revisit_links.id", name="fk_revisit_sessions_link_id_revisit_links"),
            nullable=True,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("identity_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("identity_verified_at", TS, nullable=True),
        sa.Column("questions", sa.JSON, nullable=False),
        sa.Column("intro", sa.Text, nullable=False),
        sa.Column("shown_at", TS, nullable=False),
        sa.Column("min_seconds", sa.Integer, nullable=False),
        sa.Column("too_fast_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("answers", sa.JSON, nullable=True),
        sa.Column("remark", sa.String(200), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("submitted_at", TS, nullable=True),
        sa.Column("aborted_at", TS, nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("user_agent", sa.String(500), nullable=True),
        sa.Column("submit_ip", sa.String(64), nullable=True),
        sa.Column("submit_user_agent", sa.String(500), nullable=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_revisit_sessions_task_id", "revisit_sessions", ["task_id"])

    op.create_table(
        "revisit_identity_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "task_id",
            sa.String(40),
            sa.ForeignKey("revisit_tasks.id", name="fk_revisit_identity_attempts_task_id_revisit_tasks"),
            nullable=False,
        ),
        sa.Column(
            "link_id",
            sa.String(40),
            sa.ForeignKey("revisit_links.id", name="fk_revisit_identity_attempts_link_id_revisit_links"),
            nullable=True,
        ),
        sa.Column("matched", sa.Boolean, nullable=False),
        sa.Column("locked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("user_agent", sa.String(500), nullable=True),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_revisit_identity_attempts_task_id", "revisit_identity_attempts", ["task_id"])

    op.create_table(
        "phone_queue_items",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "task_id",
            sa.String(40),
            sa.ForeignKey("revisit_tasks.id", name="fk_phone_queue_items_task_id_revisit_tasks"),
            nullable=False,
        ),
        sa.Column("open_task_id", sa.String(40), nullable=True),
        sa.Column("policy_no", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("callable_from", TS, nullable=False),
        sa.Column("office_hours", sa.String(40), nullable=False),
        sa.Column("answers", sa.JSON, nullable=True),
        sa.Column("remark", sa.String(200), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_attempt_at", TS, nullable=True),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.UniqueConstraint("open_task_id", name="uq_phone_queue_items_open_task_id"),
    )
    op.create_index("ix_phone_queue_items_task_id", "phone_queue_items", ["task_id"])
    op.create_index("ix_phone_queue_items_customer_id", "phone_queue_items", ["customer_id"])
    op.create_index("ix_phone_queue_items_status", "phone_queue_items", ["status"])

    op.create_table(
        "phone_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "item_id",
            sa.String(40),
            sa.ForeignKey("phone_queue_items.id", name="fk_phone_attempts_item_id_phone_queue_items"),
            nullable=False,
        ),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("staff_id", sa.String(64), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_phone_attempts_item_id", "phone_attempts", ["item_id"])


def downgrade() -> None:
    for table in (
        "phone_attempts",
        "phone_queue_items",
        "revisit_identity_attempts",
        "revisit_sessions",
        "revisit_links",
        "revisit_tasks",
    ):
        op.drop_table(table)
