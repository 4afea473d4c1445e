"""Settings shared by every service (env prefix ``VIP_``); each service adds its own with its own prefix.

Secrets policy (docs/production.md): outside ``dev``/``test`` every secret the platform owns must be
at least 32 bytes and none of the development defaults; the test clock is refused outside
``dev``/``test``. The container image sets ``VIP_ENV=prod`` so that an unset environment never falls
back to the public development secret.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_JWT_SECRET = "dev-secret-for-local-development-only"
DEV_ENVS = frozenset({"dev", "test"})
MIN_SECRET_BYTES = 32
# Every secret that ships in this repository (development defaults, test fixtures) or that people
# commonly leave in: refused outside dev/test whatever their length.
PLACEHOLDER_SECRETS = frozenset(
    {
        "",
        "change-me",
        "changeme",
        "dev-secret",
        "secret",
        "placeholder",
        DEV_JWT_SECRET,
        "test-secret-0123456789abcdef0123456789",
        "test-internal-secret-0123456789abcdef0123",
    }
)


def check_secret(name: str, value: str | None, env: str, *, min_bytes: int = MIN_SECRET_BYTES) -> None:
    """Refuse (RuntimeError) a missing, short or known development secret outside dev/test."""
    if env in DEV_ENVS:
        return
    secret = (value or "").strip()
    if secret.lower() in PLACEHOLDER_SECRETS or secret in PLACEHOLDER_SECRETS:
        raise RuntimeError(f"{name} is a placeholder or development secret; set a real one (VIP_ENV={env})")
    if len(secret.encode()) < min_bytes:
        raise RuntimeError(f"{name} is shorter than {min_bytes} bytes; set a real secret (VIP_ENV={env})")


class CommonSettings(BaseSettings):
    """``VIP_*`` settings read by every process."""

    model_config = SettingsConfigDict(env_prefix="VIP_", extra="ignore")

    env: Literal["dev", "test", "staging", "prod"] = Field(default="dev", description="dev | test | staging | prod")
    program: str = Field(default="stars", description="Active tier program: stars | levels | cards")

    kafka_bootstrap: str = Field(default="127.0.0.1:9092", description="Kafka bootstrap servers")
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT", description="PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL (managed Kafka: SASL_SSL)"
    )
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        default="PLAIN", description="SASL mechanism when the protocol is SASL_*"
    )
    kafka_sasl_username: str | None = Field(default=None, description="SASL user name")
    kafka_sasl_password: str | None = Field(default=None, description="SASL password (a secret: from the env)")
    kafka_ssl_cafile: str | None = Field(
        default=None, description="CA bundle (PEM) for SSL/SASL_SSL (system CAs if unset)"
    )
    kafka_partitions: int = Field(default=3, ge=1, description="Partitions for topics created at start-up")
    kafka_replication: int = Field(default=1, ge=1)
    kafka_min_insync_replicas: int | None = Field(
        default=None, ge=1, description="min.insync.replicas for topics created at start-up (2 with replication 3)"
    )
    kafka_fetch_max_wait_ms: int = Field(default=20, ge=1, description="Consumer fetch wait (latency goal)")
    kafka_max_poll_records: int = Field(default=200, ge=1)
    kafka_batch_size: int = Field(
        default=100, ge=1, description="Events a consumer applies per transaction (1: one transaction per event)"
    )
    kafka_batch_linger_ms: int = Field(
        default=0, ge=0, le=1000, description="Wait once this long to fill a consumer batch (adds latency)"
    )
    kafka_partition_workers: int = Field(
        default=4,
        ge=1,
        le=64,
        description="Batches a consumer applies at once under a backlog, each in its own transaction (PostgreSQL)",
    )
    kafka_consumer_retries: int = Field(
        default=5, ge=1, description="Attempts before a message failing with an unknown error goes to the DLQ"
    )
    kafka_retry_backoff_cap_s: float = Field(
        default=10.0, gt=0, description="Cap of the in-place retry delay of a transient consumer error"
    )
    kafka_idempotent_producer: bool = Field(
        default=True, description="Try the idempotent producer; falls back when the broker lacks it (tansu)"
    )
    relay_poll_ms: int = Field(default=100, ge=5, description="Outbox relay poll interval when idle")
    relay_batch: int = Field(default=200, ge=1, description="Outbox rows per relay round")
    relay_batch_max: int = Field(
        default=1000, ge=1, description="Rows per relay round while rounds come back full (a backlog)"
    )
    relay_park_after: int = Field(
        default=3, ge=1, description="Attempts before an unpublishable outbox row (too large, bad topic) is parked"
    )
    jobs_enabled: bool = Field(default=True, description="Run the durable-job runner (vipkit.durable)")
    jobs_backoff_base_s: float = Field(default=1.0, gt=0, description="First retry delay of a failed durable job")
    jobs_backoff_cap_s: float = Field(default=300.0, gt=0, description="Cap of a durable job's retry delay")
    kafka_enabled: bool = Field(default=True, description="Start relay and consumers (off only in unit tests)")

    jwt_secret: str = Field(default=DEV_JWT_SECRET, description="HS256 secret for customer/ops JWTs")
    jwt_jwks_url: str | None = Field(default=None, description="RS256 JWKS URL of the IdP; when set, RS256 is used")
    jwt_jwks_min_refresh_s: float = Field(
        default=2.0, ge=0, description="Least seconds between two JWKS fetches caused by unknown key ids"
    )
    jwt_jwks_max_age_s: float = Field(default=300.0, gt=0, description="JWKS cache lifetime")
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    internal_secret: str | None = Field(
        default=None,
        description="HS256 key of service-to-service tokens (distinct from customer tokens; required outside "
        "dev/test; in dev/test it defaults to the JWT secret)",
    )

    db_pool_size: int = Field(
        default=10, ge=1, description="PostgreSQL connections each process keeps open (docs/production.md)"
    )
    db_max_overflow: int = Field(
        default=20, ge=0, description="Connections a process may open above its pool under load (closed after)"
    )

    require_if_match: bool = Field(
        default=False, description="428 on a change of an ops-managed resource without If-Match (vipkit.etag)"
    )
    request_max_body_bytes: int = Field(
        default=1024 * 1024, ge=0, description="Request body limit of every service (413 above)"
    )

    test_clock: bool = Field(default=False, description="Honour X-Test-Now (SPEC 7.3); dev/test only")
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
    retention_durable_jobs_days: int = Field(
        default=30, ge=1, description="Durable jobs done or discarded (their dedupe keys go with them)"
    )
    retention_dead_letters_days: int = Field(default=30, ge=1, description="Dead letters after their replay")

    @property
    def scheduler_enabled(self) -> bool:
        return self.scheduler.lower() not in ("off", "0", "false", "no")

    @property
    def internal_key(self) -> str:
        """The key of service-to-service tokens."""
        if self.internal_secret:
            return self.internal_secret
        if self.env in DEV_ENVS:
            return self.jwt_secret
        raise RuntimeError("VIP_INTERNAL_SECRET is required outside dev/test")

    def check_secrets(self) -> None:
        """Refuse to start with a weak or development secret, or the test clock, outside dev/test."""
        if self.env in DEV_ENVS:
            return
        if self.test_clock:
            raise RuntimeError(f"VIP_TEST_CLOCK must not be enabled with VIP_ENV={self.env} (dev/test only)")
        if not self.jwt_jwks_url:
            check_secret("VIP_JWT_SECRET", self.jwt_secret, self.env)
        check_secret("VIP_INTERNAL_SECRET", self.internal_secret, self.env)
        if self.internal_secret == self.jwt_secret:
            raise RuntimeError("VIP_INTERNAL_SECRET must differ from VIP_JWT_SECRET")
        if self.kafka_security_protocol.startswith("SASL_"):
            check_secret("VIP_KAFKA_SASL_PASSWORD", self.kafka_sasl_password, self.env, min_bytes=1)
