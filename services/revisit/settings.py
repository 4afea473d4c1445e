"""Revisit service settings (env prefix ``VIP_REVISIT_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry


class RevisitSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_REVISIT_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/revisit.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = registry.service("revisit").port
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")

    public_base_url: str = Field(
        default="http://127.0.0.1:8000", description="Base of the personal link in the SMS: {base}/r/{token}"
    )
    min_answer_seconds: int = Field(
        default=60, ge=0, description="Server-measured minimum time from questions shown to submission"
    )
    link_ttl_days: int = Field(default=30, ge=1, description="A personal link expires this many days after issue")
    identity_max_attempts: int = Field(default=5, ge=1, description="Failed identity checks before session_locked")
    identity_lock_minutes: int = Field(
        default=24 * 60, ge=1, description="How long the electronic route stays locked after too many failures"
    )
    insurer_name: str = Field(default="长生人寿", description="Insurer name in the SMS and on the H5 page")
    hotline: str = Field(default="400-820-8599", description="Customer-service hotline quoted to customers")
    h5_request_timeout_ms: int = Field(
        default=15000, ge=500, description="The H5 page gives up a request after this long and offers a retry"
    )
