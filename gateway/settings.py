"""Gateway settings (env prefix ``VIP_GATEWAY_``); shared ones (JWT, test clock, env) come from ``VIP_*``.

The Redis URL for shared rate-limit state is ``VIP_REDIS_URL`` (also accepted as
``VIP_GATEWAY_REDIS_URL``); without it the buckets live in the memory of each worker.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry

SERVICES = registry.NAMES


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_GATEWAY_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default=1, ge=1, description="Worker processes (SO_REUSEPORT); 1 is best on 2 cores")

    # Upstreams (the service registry, contracts.services).
    tiering_url: str = registry.service("tiering").default_url
    entitlements_url: str = registry.service("entitlements").default_url
    booking_url: str = registry.service("booking").default_url
    revisit_url: str = registry.service("revisit").default_url
    notifier_url: str = registry.service("notifier").default_url

    # Forwarding.
    pool_limit: int = Field(default=256, ge=1, description="Max pooled connections to all upstreams")
    pool_limit_per_host: int = Field(default=128, ge=0, description="Max connections per upstream (0 = no limit)")
    keepalive_seconds: float = Field(
        default=4.0, gt=0, description="Idle keep-alive; below uvicorn's 5 s so a pooled socket is never stale"
    )
    connect_timeout: float = Field(default=2.0, gt=0, description="Seconds to connect to an upstream")
    default_timeout: float = Field(default=15.0, gt=0, description="Total seconds for a forwarded request")
    long_timeout: float = Field(default=120.0, gt=0, description="Total seconds for batch runs (tiering/revisit runs)")
    max_body_bytes: int = Field(default=1024 * 1024, ge=0, description="Request body limit (413 above)")
    buffer_response_bytes: int = Field(
        default=256 * 1024, ge=0, description="Responses with a known length up to this are read whole; others stream"
    )
    trust_forwarded_for: bool = Field(
        default=False, description="Take the client IP from X-Forwarded-For (only behind a trusted proxy)"
    )

    # Protection.
    rate_limit_enabled: bool = True
    token_rate: float = Field(default=20.0, gt=0, description="Requests per second per token subject")
    token_burst: int = Field(default=40, ge=1)
    ip_rate: float = Field(default=10.0, gt=0, description="Requests per second per IP without a token")
    ip_burst: int = Field(default=20, ge=1)
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("VIP_REDIS_URL", "VIP_GATEWAY_REDIS_URL", "redis_url"),
        description="Shared rate-limit buckets in Redis when set",
    )
    redis_prefix: str = Field(default="vip:gw:rl:", description="Key prefix of the Redis buckets")

    # Docs and health.
    openapi_ttl_seconds: float = Field(default=60.0, gt=0, description="Cache of each upstream's OpenAPI document")
    openapi_retry_seconds: float = Field(default=5.0, gt=0, description="Retry of an upstream that was down")
    upstream_probe_timeout: float = Field(default=3.0, gt=0, description="Timeout of the /readyz probes")
    openapi_fetch_timeout: float = Field(
        default=15.0,
        gt=0,
        description="Timeout of an upstream's /openapi.json fetch (a documented service builds a large document "
        "on its first request; a slow answer must not drop it from the merged docs)",
    )

    access_log: bool = Field(default=True, description="One masked JSON line per request")
    metrics_token: str | None = Field(
        default=None,
        description="When set, GET /metrics needs 'Authorization: Bearer <token>' (the gateway's port is public; "
        "give the token to Prometheus); others get 404",
    )

    def upstreams(self) -> dict[str, list[str]]:
        """Each service's replicas: one URL (a Kubernetes Service) or several, comma-separated (the
        gateway then spreads requests over them and skips a replica that refuses connections)."""
        return {
            name: [u.strip().rstrip("/") for u in str(getattr(self, f"{name}_url")).split(",") if u.strip()]
            for name in SERVICES
        }
