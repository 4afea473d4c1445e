"""policies, top-ups, tier states, tier history, tiering runs

Revision ID: tiering_0002
Revises: tiering_0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "tiering_0002"
down_revision: str | None = "tiering_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MONEY = sa.Numeric(16, 2)
TS = sa.DateTime(timezone=True)


def _person(prefix: str, customer_nullable: bool) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_customer_id", sa.String(64), nullable=customer_nullable),
        sa.Column(f"{prefix}_name", sa.String(100), nullable=False),
        sa.Column(f"{prefix}_id_type", sa.String(32), nullable=False),
        sa.Column(f"{prefix}_id_no", sa.String(40), nullable=False),
        sa.Column(f"{prefix}_mobile", sa.String(20), nullable=True),
        sa.Column(f"{prefix}_birth_date", sa.Date, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "policies",
        sa.Column("policy_no", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("source_version", sa.Integer, nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        *_person("holder", False),
        *_person("insured", True),
        sa.Column("product_code", sa.String(64), nullable=False),
        sa.Column("product_name", sa.String(200), nullable=False),
        sa.Column("product_kind", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("payment_mode", sa.String(16), nullable=False),
        sa.Column("annual_premium", MONEY, nullable=False),
        sa.Column("payment_years", sa.Integer, nullable=False),
        sa.Column("coverage_years", sa.Integer, nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("underwritten_at", TS, nullable=False),
        sa.Column("effective_date", sa.Date, nullable=False),
        sa.Column("cooling_off_end", sa.Date, nullable=False),
        sa.Column("cooling_off_end_given", sa.Boolean, nullable=False),
        sa.Column("loan_or_pledge", sa.Boolean, nullable=False),
        sa.Column("electronic_contract", sa.Boolean, nullable=False),
        sa.Column("top_up_total", MONEY, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("policy_no", name="pk_policies"),
    )
    op.create_index("ix_policies_holder_customer_id", "policies", ["holder_customer_id"])
    op.create_index("ix_policies_insured_customer_id", "policies", ["insured_customer_id"])
    op.create_table(
        "policy_top_ups",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("policy_no", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_policy_top_ups"),
        sa.ForeignKeyConstraint(
            ["policy_no"], ["policies.policy_no"], name="fk_policy_top_ups_policy_no_policies", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_policy_top_ups_policy_no", "policy_top_ups", ["policy_no"])
    op.create_table(
        "tier_states",
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("program", sa.String(16), nullable=False),
        sa.Column("tier", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("score", MONEY, nullable=False),
        sa.Column("since", sa.Date, nullable=True),
        sa.Column("provisional_tier", sa.String(32), nullable=True),
        sa.Column("provisional_until", sa.Date, nullable=True),
        sa.Column("pending_to", sa.String(32), nullable=True),
        sa.Column("pending_at", sa.Date, nullable=True),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("evaluated_on", sa.Date, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name="pk_tier_states"),
        sa.CheckConstraint("status IN ('confirmed', 'provisional', 'grace', 'invalid')", name="status"),
    )
    op.create_table(
        "tier_history",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("program", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("from_tier", sa.String(32), nullable=False),
        sa.Column("to_tier", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("score", MONEY, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("effective_at", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tier_history"),
    )
    op.create_index("ix_tier_history_customer_id_id", "tier_history", ["customer_id", "id"])
    op.create_table(
        "tiering_runs",
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("program", sa.String(16), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("evaluated", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("notices", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("as_of", name="pk_tiering_runs"),
    )


def downgrade() -> None:
    op.drop_table("tiering_runs")
    op.drop_index("ix_tier_history_customer_id_id", table_name="tier_history")
    op.drop_table("tier_history")
    op.drop_table("tier_states")
    op.drop_index("ix_policy_top_ups_policy_no", table_name="policy_top_ups")
    op.drop_table("policy_top_ups")
    op.drop_index("ix_policies_insured_customer_id", table_name="policies")
    op.drop_index("ix_policies_holder_customer_id", table_name="policies")
    op.drop_table("policies")
