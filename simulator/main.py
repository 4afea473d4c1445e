"""The partner-clinic simulator (``make run``): a clinic that answers booking webhooks by itself.

It receives the booking service's Standard Webhooks at ``POST /webhooks/{partner_id}``, verifies
them with the partner's secret, and like a clinic confirms the booking within seconds, then completes
it on the appointment date (at ``complete_at_hour`` local time), by calling the booking service's real
inbound webhook ``POST /api/v1/partners/{partner_id}/webhooks`` signed with the same secret. With
``VIP_TEST_CLOCK=1`` the platform's days are simulated: the completion is sent ``complete_delay_seconds``
after the confirmation with ``X-Test-Now`` on the appointment date; otherwise it waits for that day.
A ``booking.cancelled`` webhook stops what was scheduled for that booking. ``GET /bookings`` shows
what it saw and did.

Run: ``uvicorn simulator.main:create_app --factory --port 8009``. Settings prefix ``VIP_SIMULATOR_``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from standardwebhooks.webhooks import Webhook

log = logging.getLogger("simulator")
SHANGHAI = ZoneInfo("Asia/Shanghai")

#: Development-only secret shared with the booking demo data; refused outside VIP_ENV=dev/test.
DEMO_PARTNER_ID = "P-DEMO"
DEMO_PARTNER_SECRET = "whsec_" + base64.b64encode(b"vip-demo-partner-clinic-secret!!").decode()


class SimulatorSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIP_SIMULATOR_", extra="ignore", populate_by_name=True)

    host: str = "127.0.0.1"
    port: int = 8009
    env: str = Field(default="dev", validation_alias="VIP_ENV")
    booking_url: str = Field(default="http://127.0.0.1:8003", description="Booking service base URL")
    partner_id: str = Field(default=DEMO_PARTNER_ID, description="The partner this simulator plays")
    partner_secret: str = Field(default=DEMO_PARTNER_SECRET, description="Its Standard Webhooks secret whsec_...")
    extra_partners: dict[str, str] = Field(default_factory=dict, description="More partners: JSON {id: secret}")
    confirm_delay_seconds: float = Field(default=3.0, ge=0, description="Delay before confirming a booking")
    complete_delay_seconds: float = Field(
        default=10.0,
        description="Test clock: delay after confirming before completing (stamped on the appointment date); "
        "negative = never complete",
    )
    complete_at_hour: int = Field(default=16, ge=0, le=23, description="Local hour of the appointment day to complete")
    test_clock: bool = Field(default=False, validation_alias="VIP_TEST_CLOCK", description="The platform's test clock")
    reject_service_codes: list[str] = Field(default_factory=list, description="Services this clinic rejects")
    callback_attempts: int = Field(default=5, ge=1, description="Attempts per callback (same webhook-id)")
    callback_backoff_seconds: float = Field(default=0.5, ge=0)

    def secrets(self) -> dict[str, str]:
        return {self.partner_id: self.partner_secret, **self.extra_partners}

    def check(self) -> None:
        if self.env not in ("dev", "test") and DEMO_PARTNER_SECRET in self.secrets().values():
            raise RuntimeError("the simulator's demo secret is for development only; set VIP_SIMULATOR_PARTNER_SECRET")


@dataclass
class SeenBooking:
    booking_id: str
    partner_id: str
    service_code: str | None
    date: str | None
    received: list[str] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    task: asyncio.Task[None] | None = None

    def view(self) -> dict[str, Any]:
        return {
            "booking_id": self.booking_id,
            "partner_id": self.partner_id,
            "service_code": self.service_code,
            "date": self.date,
            "received": self.received,
            "sent": self.sent,
            "scheduled": self.task is not None and not self.task.done(),
        }


class Simulator:
    def __init__(self, settings: SimulatorSettings, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.AsyncClient(base_url=settings.booking_url, timeout=10)
        self.bookings: dict[str, SeenBooking] = {}
        self.seen_ids: set[str] = set()

    async def aclose(self) -> None:
        for seen in self.bookings.values():
            if seen.task is not None:
                seen.task.cancel()
        for seen in self.bookings.values():
            if seen.task is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await seen.task
        await self.client.aclose()

    # --- inbound from booking ----------------------------------------------------------------------------
    def receive(self, partner_id: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        secret = self.settings.secrets().get(partner_id)
        if secret is None:
            raise LookupError(partner_id)
        payload = Webhook(secret).verify(body, headers)  # raises on a bad signature or timestamp
        webhook_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
        if webhook_id in self.seen_ids:  # the booking service retried a message we already handled
            return {"status": "duplicate"}
        self.seen_ids.add(webhook_id)
        event_type = str(payload.get("type"))
        data = payload.get("data") or {}
        booking_id = str(data.get("booking_id"))
        seen = self.bookings.get(booking_id)
        if seen is None:
            seen = SeenBooking(booking_id, partner_id, data.get("service_code"), data.get("date"))
            self.bookings[booking_id] = seen
        seen.received.append(event_type)
        if event_type == "booking.requested":
            seen.task = asyncio.create_task(self._play(seen), name=f"simulate-{booking_id}")
        elif event_type == "booking.cancelled" and seen.task is not None:
            seen.task.cancel()
        return {"status": "accepted", "booking_id": booking_id}

    async def _play(self, seen: SeenBooking) -> None:
        await asyncio.sleep(self.settings.confirm_delay_seconds)
        if seen.service_code in self.settings.reject_service_codes:
            await self.callback(seen, "booking.rejected", {"reason": "该机构暂不提供此项服务"})
            return
        if not await self.callback(seen, "booking.confirmed", {}):
            return
        if self.settings.complete_delay_seconds < 0 or not seen.date:
            return
        day = dt.date.fromisoformat(seen.date)
        complete_at = dt.datetime(day.year, day.month, day.day, self.settings.complete_at_hour, tzinfo=SHANGHAI)
        if self.settings.test_clock:
            await asyncio.sleep(self.settings.complete_delay_seconds)
            await self.callback(seen, "booking.completed", {}, test_now=complete_at)
            return
        await asyncio.sleep(max((complete_at - dt.datetime.now(SHANGHAI)).total_seconds(), 0))
        await self.callback(seen, "booking.completed", {})

    # --- outbound to booking ---------------------------------------------------------------------------
    async def callback(
        self, seen: SeenBooking, event_type: str, data: dict[str, Any], *, test_now: dt.datetime | None = None
    ) -> bool:
        """Send one signed webhook to the booking service, retrying with the same webhook-id
        (``test_now``: sent as ``X-Test-Now``, honoured only by a platform with the test clock on)."""
        secret = self.settings.secrets()[seen.partner_id]
        body = json.dumps({"type": event_type, "booking_id": seen.booking_id, "data": data}, ensure_ascii=False)
        webhook_id = f"sim_{uuid.uuid4().hex}"
        path = f"/api/v1/partners/{seen.partner_id}/webhooks"
        outcome: dict[str, Any] = {"type": event_type, "webhook_id": webhook_id, "status": None}
        seen.sent.append(outcome)
        for attempt in range(1, self.settings.callback_attempts + 1):
            now = dt.datetime.now(dt.UTC)
            headers = {
                "webhook-id": webhook_id,
                "webhook-timestamp": str(int(now.timestamp())),
                "webhook-signature": Webhook(secret).sign(webhook_id, now, body),
                "content-type": "application/json",
            }
            if test_now is not None:
                headers["X-Test-Now"] = test_now.isoformat()
            try:
                response = await self.client.post(path, content=body.encode(), headers=headers)
                outcome["status"] = response.status_code
                if response.status_code < 500:
                    ok = response.status_code == 200
                    if not ok:
                        log.warning("booking refused %s for %s: %s", event_type, seen.booking_id, response.text[:200])
                    return ok
            except httpx.HTTPError as exc:
                outcome["status"] = f"error: {exc.__class__.__name__}"
            await asyncio.sleep(self.settings.callback_backoff_seconds * attempt)
        return False


def create_app(settings: SimulatorSettings | None = None) -> FastAPI:
    settings = settings or SimulatorSettings()
    settings.check()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        simulator = Simulator(settings)
        app.state.simulator = simulator
        try:
            yield
        finally:
            await simulator.aclose()

    app = FastAPI(
        title="Partner-clinic simulator",
        description="Answers booking webhooks like a partner clinic (development only).",
        lifespan=lifespan,
    )

    @app.get("/healthz")
    async def healthz() -> dict[str, object]:
        return {"status": "ok", "service": "simulator", "partner_id": settings.partner_id, "pid": os.getpid()}

    @app.post("/webhooks/{partner_id}")
    async def webhook(partner_id: str, request: Request) -> JSONResponse:
        simulator: Simulator = request.app.state.simulator
        body = await request.body()
        try:
            result = simulator.receive(partner_id, body, dict(request.headers))
        except LookupError:
            return JSONResponse({"code": "not_found", "detail": "unknown partner"}, status_code=404)
        except Exception as exc:
            return JSONResponse({"code": "invalid_signature", "detail": str(exc)}, status_code=401)
        return JSONResponse(result)

    @app.get("/bookings")
    async def bookings(request: Request) -> dict[str, Any]:
        simulator: Simulator = request.app.state.simulator
        return {"items": [b.view() for b in simulator.bookings.values()]}

    return app
