"""Entitlements service settings (env prefix ``VIP_ENTITLEMENTS_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry


class EntitlementsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_ENTITLEMENTS_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/entitlements.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = registry.service("entitlements").port
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")
    tiering_url: str = Field(
        default=registry.service("tiering").default_url,
        description="Tiering service base URL (reconciliation reads /api/v1/tiers)",
    )
    catalog_dir: str | None = Field(default=None, description="Directory of the catalog YAML files (default: built in)")
    reconciliation_page_size: int = Field(default=500, ge=1, le=5000)
    booking_url: str = Field(
        default="http://127.0.0.1:8003", description="Booking service base URL (who holds a reservation)"
    )
    orphan_after_minutes: float = Field(
        default=10.0, gt=0, description="A reservation nobody holds is released after this many minutes"
    )
    orphan_check_seconds: float = Field(default=120.0, gt=0, description="Interval of the orphaned-reservation pass")
