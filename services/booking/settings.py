"""Booking service settings (env prefix ``VIP_BOOKING_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

import datetime as dt

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry


class BookingSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_BOOKING_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/booking.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = registry.service("booking").port
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")

    entitlements_url: str = Field(
        default=registry.service("entitlements").default_url, description="Entitlements service base URL"
    )
    entitlements_timeout_seconds: float = Field(default=5.0, gt=0)
    catalog_cache_seconds: float = Field(default=60.0, ge=0, description="How long the catalog is cached")

    retention_webhook_days: int = Field(
        default=90, ge=1, description="Finished partner webhook deliveries and their attempts (payloads hold PII)"
    )
    retention_inbound_webhook_days: int = Field(default=30, ge=1, description="Ids of applied partner webhooks")

    worker_enabled: bool = Field(
        default=True,
        description="Run the webhook, sweeper and comparison jobs in this replica (ledger jobs always run)",
    )
    webhook_timeout_seconds: float = Field(default=5.0, gt=0, description="Timeout of one outbound webhook call")
    partner_url_allowlist: str = Field(
        default="",
        description="Comma-separated hosts, IPs or CIDRs a partner webhook_url may reach although internal "
        "(vipkit.urlguard; loopback is allowed in dev/test)",
    )
    sweeper_grace_seconds: int = Field(
        default=120, ge=0, description="Age after which an unfinished booking attempt's reservation is released"
    )
    sweeper_interval_seconds: float = Field(default=30.0, gt=0, description="How often the attempt sweeper runs")
    reconcile_interval_seconds: float = Field(
        default=600.0, gt=0, description="How often booking compares its live and settled units with entitlements"
    )
    reminder_time: dt.time = Field(default=dt.time(9, 0), description="Local time of the daily reminder job")
    calendar_check_time: dt.time = Field(
        default=dt.time(17, 0), description="Local time of the daily calendar check (publish, December warning)"
    )
