"""Tiering service settings (env prefix ``VIP_TIERING_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry


class TieringSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_TIERING_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/tiering.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = registry.service("tiering").port
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")
    run_chunk_size: int = Field(default=500, ge=1, description="Customers re-rated per transaction in a run")
    programs_dir: str | None = Field(default=None, description="Directory of program YAML files (default: built-in)")
    import_batch_size: int = Field(default=500, ge=1, description="Policies per transaction in a bulk import")
