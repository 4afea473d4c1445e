"""What booking's use cases, jobs and workers receive: the typed per-service context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import httpx

from services.booking.calendar_repository import CalendarCache
from services.booking.entitlements import EntitlementsClient
from services.booking.settings import BookingSettings
from vipkit.context import ServiceContext
from vipkit.urlguard import UrlGuard


@dataclass(kw_only=True)
class BookingContext(ServiceContext):
    """Built in ``main.create_app``, completed at start-up (database, entitlements and webhook clients)."""

    settings: BookingSettings
    entitlements: EntitlementsClient | None = None
    webhooks: httpx.AsyncClient | None = None
    calendar: CalendarCache = field(default_factory=CalendarCache)  # the working-day calendar, per process

    @property
    def url_guard(self) -> UrlGuard:
        """What partner webhook URLs may point at (https outside dev/test; no internal addresses)."""
        return UrlGuard.from_setting(self.common.env, self.settings.partner_url_allowlist)

    @property
    def ent(self) -> EntitlementsClient:
        assert self.entitlements is not None, "booking context not started"
        return self.entitlements

    @property
    def webhook_client(self) -> httpx.AsyncClient:
        """The HTTP client of the partner webhook jobs (``webhooks_out``)."""
        assert self.webhooks is not None, "booking context not started"
        return self.webhooks


def wall_now() -> dt.datetime:
    """Real time (UTC) for plumbing timestamps that must not follow the SPEC 7.3 test clock: booking
    attempts (the sweeper's age check), webhook signatures and the deliveries' schedule."""
    return dt.datetime.now(dt.UTC)
