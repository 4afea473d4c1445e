"""entitlements: customer tiers, grants, reservations, ledger, relatives

Revision ID: entitlements_0002
Revises: entitlements_0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "entitlements_0002"
down_revision: str | None = "entitlements_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "customer_tiers",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("program", sa.String(32), nullable=False),
        sa.Column("tier", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sequence", sa.BigInteger, nullable=False),
        sa.Column("score", sa.String(32), nullable=True),
        sa.Column("effective_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entitled_since", sa.Date, nullable=True),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "grants",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("quota", sa.Integer, nullable=True),
        sa.Column("used", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reserved", sa.Integer, nullable=False, server_default="0"),
        sa.Column("tier", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("customer_id", "service_code", "period_start", "period_end", name="uq_grants_key"),
        sa.CheckConstraint("used >= 0", name="ck_grants_used_nonneg"),
        sa.CheckConstraint("reserved >= 0", name="ck_grants_reserved_nonneg"),
        sa.CheckConstraint("quota IS NULL OR quota >= 0", name="ck_grants_quota_nonneg"),
    )
    op.create_table(
        "reservations",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("beneficiary_id", sa.String(64), nullable=True),
        sa.Column("reference", sa.String(200), nullable=True),
        sa.Column(
            "grant_id", BIG_ID, sa.ForeignKey("grants.id", name="fk_reservations_grant_id_grants"), nullable=False
        ),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("idempotency_key", name="uq_reservations_idempotency_key"),
    )
    op.create_index("ix_reservations_reference", "reservations", ["reference"])
    op.create_index("ix_reservations_customer", "reservations", ["customer_id", "service_code"])
    op.create_table(
        "ledger",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("grant_id", BIG_ID, sa.ForeignKey("grants.id", name="fk_ledger_grant_id_grants"), nullable=False),
        sa.Column("reservation_id", sa.String(40), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("units", sa.Integer, nullable=False, server_default="0"),
        sa.Column("quota", sa.Integer, nullable=True),
        sa.Column("used", sa.Integer, nullable=False),
        sa.Column("reserved", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("source", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ledger_customer_service", "ledger", ["customer_id", "service_code", "id"])
    op.create_table(
        "relatives",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("relative_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("id_no", sa.String(64), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("designated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("relatives")
    op.drop_index("ix_ledger_customer_service", table_name="ledger")
    op.drop_table("ledger")
    op.drop_index("ix_reservations_customer", table_name="reservations")
    op.drop_index("ix_reservations_reference", table_name="reservations")
    op.drop_table("reservations")
    op.drop_table("grants")
    op.drop_table("customer_tiers")
