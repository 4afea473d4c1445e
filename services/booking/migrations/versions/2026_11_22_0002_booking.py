"""booking: calendar, partners, clinics, capacity, bookings, webhooks, second opinions

Revision ID: booking_0002
Revises: booking_0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "booking_0002"
down_revision: str | None = "booking_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "calendar_overrides",
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("working", sa.Boolean, nullable=False),
        sa.Column("name", sa.String(100)),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("date", name="pk_calendar_overrides"),
    )
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("source", sa.String(500)),
        sa.Column("loaded_by", sa.String(100), nullable=False),
        sa.Column("loaded_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("year", name="pk_calendar_years"),
    )
    op.create_table(
        "calendar_schedule_days",
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("working", sa.Boolean, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("year", "date", name="pk_calendar_schedule_days"),
        sa.ForeignKeyConstraint(
            ["year"],
            ["calendar_years.year"],
            ondelete="CASCADE",
            name="fk_calendar_schedule_days_year_calendar_years",
        ),
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("webhook_url", sa.String(1000), nullable=False),
        sa.Column("secret", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_partners"),
    )
    op.create_table(
        "clinics",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("partner_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("opening_weekdays", sa.JSON, nullable=False),
        sa.Column("open_on_holidays", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clinics"),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name="fk_clinics_partner_id_partners"),
    )
    op.create_index("ix_clinics_partner_id", "clinics", ["partner_id"])
    op.create_table(
        "clinic_services",
        sa.Column("clinic_id", sa.String(64), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("daily_capacity", sa.Integer, nullable=False),
        sa.Column("packages", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("clinic_id", "service_code", name="pk_clinic_services"),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinics.id"], ondelete="CASCADE", name="fk_clinic_services_clinic_id_clinics"
        ),
    )
    op.create_table(
        "capacity_counters",
        sa.Column("clinic_id", sa.String(64), nullable=False),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("booked", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("clinic_id", "service_code", "date", name="pk_capacity_counters"),
        sa.CheckConstraint("booked >= 0", name="ck_capacity_counters_booked_not_negative"),
    )
    op.create_table(
        "booking_attempts",
        sa.Column("booking_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("idempotency_key", sa.String(200)),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reservation_id", sa.String(64)),
        sa.Column("error", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("booking_id", name="pk_booking_attempts"),
        sa.UniqueConstraint("customer_id", "idempotency_key", name="uq_booking_attempts_key"),
    )
    op.create_index("ix_booking_attempts_status", "booking_attempts", ["status", "created_at"])
    op.create_table(
        "bookings",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("beneficiary_id", sa.String(64)),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("clinic_id", sa.String(64), nullable=False),
        sa.Column("partner_id", sa.String(64), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("package_code", sa.String(64)),
        sa.Column("contact_mobile", sa.String(32)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reservation_id", sa.String(64), nullable=False),
        sa.Column("cancel_deadline", TS, nullable=False),
        sa.Column("ledger_action", sa.String(10)),
        sa.Column("ledger_reason", sa.String(30)),
        sa.Column("ledger_done_at", TS),
        sa.Column("ledger_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("ledger_error", sa.Text),
        sa.Column("reminder_sent_at", TS),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bookings"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"], name="fk_bookings_clinic_id_clinics"),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name="fk_bookings_partner_id_partners"),
    )
    op.create_index("ix_bookings_customer_id", "bookings", ["customer_id"])
    op.create_index("ix_bookings_status_date", "bookings", ["status", "date"])
    op.create_index("ix_bookings_ledger_pending", "bookings", ["ledger_done_at", "ledger_action"])
    op.create_table(
        "booking_history",
        sa.Column("id", BIG_ID, nullable=False, autoincrement=True),
        sa.Column("booking_id", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(20)),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(200)),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_booking_history"),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], ondelete="CASCADE", name="fk_booking_history_booking_id_bookings"
        ),
    )
    op.create_index("ix_booking_history_booking_id", "booking_history", ["booking_id"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("partner_id", sa.String(64), nullable=False),
        sa.Column("booking_id", sa.String(40)),
        sa.Column("event_type", sa.String(50), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", TS),
        sa.Column("last_status_code", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("delivered_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name="fk_webhook_deliveries_partner_id_partners"),
    )
    op.create_index("ix_webhook_deliveries_booking_id", "webhook_deliveries", ["booking_id"])
    op.create_index("ix_webhook_deliveries_due", "webhook_deliveries", ["status", "next_attempt_at"])
    op.create_table(
        "webhook_attempts",
        sa.Column("id", BIG_ID, nullable=False, autoincrement=True),
        sa.Column("delivery_id", sa.String(64), nullable=False),
        sa.Column("attempt_no", sa.Integer, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("duration_ms", sa.Integer, nullable=False),
        sa.Column("status_code", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_attempts"),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["webhook_deliveries.id"],
            ondelete="CASCADE",
            name="fk_webhook_attempts_delivery_id_webhook_deliveries",
        ),
    )
    op.create_index("ix_webhook_attempts_delivery_id", "webhook_attempts", ["delivery_id"])
    op.create_table(
        "inbound_webhooks",
        sa.Column("partner_id", sa.String(64), nullable=False),
        sa.Column("webhook_id", sa.String(200), nullable=False),
        sa.Column("event_type", sa.String(50), nullable=False),
        sa.Column("booking_id", sa.String(40)),
        sa.Column("received_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("partner_id", "webhook_id", name="pk_inbound_webhooks"),
    )
    op.create_table(
        "second_opinions",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("beneficiary_id", sa.String(64)),
        sa.Column("service_code", sa.String(64), nullable=False),
        sa.Column("partner_id", sa.String(64)),
        sa.Column("diagnosis", sa.String(500)),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("reservation_id", sa.String(64)),
        sa.Column("idempotency_key", sa.String(200)),
        sa.Column("requested_at", TS, nullable=False),
        sa.Column("contact_due", sa.Date, nullable=False),
        sa.Column("contacted_at", TS),
        sa.Column("materials_complete_at", TS),
        sa.Column("opinion_due", sa.Date),
        sa.Column("delivered_at", TS),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_second_opinions"),
        sa.UniqueConstraint("customer_id", "idempotency_key", name="uq_second_opinions_key"),
    )
    op.create_index("ix_second_opinions_customer_id", "second_opinions", ["customer_id"])


def downgrade() -> None:
    for table in (
        "second_opinions",
        "inbound_webhooks",
        "webhook_attempts",
        "webhook_deliveries",
        "booking_history",
        "bookings",
        "booking_attempts",
        "capacity_counters",
        "clinic_services",
        "clinics",
        "partners",
        "calendar_schedule_days",
        "calendar_years",
        "calendar_overrides",
    ):
        op.drop_table(table)
