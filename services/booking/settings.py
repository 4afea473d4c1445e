"""Booking service settings (env prefix ``VIP_BOOKING_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class BookingSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_BOOKING_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/booking.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = 8003
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")
