"""Settings shared by every service (env prefix ``VIP_``); each service adds its own with its own prefix."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "dev-secret-for-local-development-only"
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "dev-secret", "secret", "placeholder", DEV_JWT_SECRET})


class CommonSettings(BaseSettings):
    """``VIP_*`` settings read by every process."""

    model_config = SettingsConfigDict(env_prefix="VIP_", extra="ignore")

    env: str = Field(default="dev", description="dev | test | staging | prod")
    program: str = Field(default="stars", description="Active tier program: stars | levels | cards")

    kafka_bootstrap: str = Field(default="127.0.0.1:9092", description="Kafka bootstrap servers")
    kafka_partitions: int = Field(default=3, ge=1, description="Partitions for topics created at start-up")
    kafka_replication: int = Field(default=1, ge=1)
    kafka_fetch_max_wait_ms: int = Field(default=20, ge=1, description="Consumer fetch wait (latency goal)")
    kafka_max_poll_records: int = Field(default=200, ge=1)
    kafka_consumer_retries: int = Field(default=3, ge=1, description="Attempts before a message goes to the DLQ")
    kafka_idempotent_producer: bool = Field(
        default=True, description="Try the idempotent producer; falls back when the broker lacks it (tansu)"
    )
    relay_poll_ms: int = Field(default=100, ge=5, description="Outbox relay poll interval when idle")
    relay_batch: int = Field(default=200, ge=1)
    kafka_enabled: bool = Field(default=True, description="Start relay and consumers (off only in unit tests)")

    jwt_secret: str = Field(default=DEV_JWT_SECRET, description="HS256 secret for JWTs")
    jwt_jwks_url: str | None = Field(default=None, description="RS256 JWKS URL; when set, RS256 is used")
    jwt_audience: str | None = None
    jwt_issuer: str | None = None

    require_if_match: bool = Field(
        default=False, description="428 on a change of an ops-managed resource without If-Match (vipkit.etag)"
    )
    test_clock: bool = Field(default=False, description="Honour X-Test-Now (SPEC 7.3); never in production")
    scheduler: str = Field(default="on", description="on | off: the built-in job scheduler")
    scheduler_first_tick_s: float = Field(
        default=5.0, ge=0, description="Seconds after start-up before the scheduler's first check"
    )
    log_level: str = "INFO"

    # docs/data-retention.md: how long finished rows of the shared tables are kept
    retention_outbox_days: int = Field(default=7, ge=1, description="Published outbox rows (events with PII)")
    retention_inbox_days: int = Field(
        default=30, ge=1, description="Processed event ids (longer than any broker redelivery window)"
    )
    retention_job_runs_days: int = Field(default=90, ge=1, description="Finished scheduled-job runs")

    @property
    def scheduler_enabled(self) -> bool:
        return self.scheduler.lower() not in ("off", "0", "false", "no")

    def check_secrets(self) -> None:
        """Refuse to start with a placeholder secret outside development."""
        if self.env != "dev" and not self.jwt_jwks_url and self.jwt_secret.strip().lower() in PLACEHOLDER_SECRETS:
            raise RuntimeError("VIP_JWT_SECRET is a placeholder; set a real secret (or VIP_ENV=dev for development)")
        if self.env == "prod" and self.test_clock:
            raise RuntimeError("VIP_TEST_CLOCK must not be enabled with VIP_ENV=prod")
