"""Notifier service settings (env prefix ``VIP_NOTIFIER_``); shared ones come from ``VIP_*``."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from contracts import services as registry
from vipkit.settings import DEV_ENVS, PLACEHOLDER_SECRETS


class NotifierSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_NOTIFIER_", extra="ignore")

    database_url: str = Field(default="sqlite:///./var/notifier.db", description="SQLite file or postgresql:// URL")
    host: str = "127.0.0.1"
    port: int = registry.service("notifier").port
    migrate_on_start: bool = Field(default=False, description="Run Alembic migrations at start-up")

    # channel adapters: no URL configured = the local sink (development only)
    sms_url: str | None = Field(default=None, description="SMS gateway HTTP API endpoint (POST JSON)")
    sms_key: str = Field(default="", description="SMS gateway API key (sent in sms_key_header)")
    sms_key_header: str = Field(default="X-Api-Key", description="Header carrying the SMS gateway key")
    wechat_url: str | None = Field(default=None, description="WeChat template-message endpoint (POST JSON)")
    wechat_key: str = Field(default="", description="WeChat endpoint API key (sent in wechat_key_header)")
    wechat_key_header: str = Field(default="X-Api-Key", description="Header carrying the WeChat endpoint key")
    http_timeout_seconds: float = Field(default=5.0, gt=0, description="Timeout of one provider call")

    # delivery jobs (vipkit.durable; the retry window is the durable default, 24 h)
    retention_notification_days: int = Field(
        default=180, ge=1, description="Sent/failed notifications (text, mobile) and their attempts are kept this long"
    )
    worker_enabled: bool = Field(default=True, description="Run the delivery jobs in this process")
    poll_ms: int = Field(default=200, ge=5, description="Job runner poll interval when idle")
    batch_size: int = Field(default=200, ge=1, description="Notifications claimed and sent at once per runner round")
    sends_per_second: float = Field(
        default=400.0, ge=0, description="Most sends per second per replica (provider limit; 0: unlimited)"
    )
    lease_seconds: float = Field(
        default=60.0, gt=0, description="A claimed delivery is retried after this long if its runner died"
    )
    max_attempts: int = Field(
        default=1000, ge=1, description="Safety cap of delivery attempts (the 24 h retry window ends it first)"
    )
    retry_base_seconds: float = Field(default=2.0, gt=0, description="First retry delay; doubles each attempt (jitter)")
    retry_max_seconds: float = Field(default=600.0, gt=0, description="Cap of the retry delay")

    def check_secrets(self, env: str) -> None:
        """Refuse to start with a placeholder provider key, or with the sink in production."""
        for channel, url, key in (("SMS", self.sms_url, self.sms_key), ("WECHAT", self.wechat_url, self.wechat_key)):
            if url and env not in DEV_ENVS and key.strip().lower() in PLACEHOLDER_SECRETS:
                raise RuntimeError(
                    f"VIP_NOTIFIER_{channel}_KEY is a placeholder; set the real key (or VIP_ENV=dev for development)"
                )
        if env == "prod" and not (self.sms_url and self.wechat_url):
            raise RuntimeError(
                "VIP_ENV=prod needs VIP_NOTIFIER_SMS_URL and VIP_NOTIFIER_WECHAT_URL: the local sink sends nothing"
            )
