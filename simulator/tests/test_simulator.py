"""The partner-clinic simulator: verifies booking's signed webhooks and answers through the real inbound webhook."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import httpx

from services.booking.main import MIGRATIONS_DIR, create_app
from services.booking.settings import BookingSettings
from services.booking.tests.conftest import OPS, customer_headers, make_common_settings, new_customer
from services.booking.tests.entitlements_standin import EntitlementsStandIn
from services.booking.webhooks_out import sign_headers
from simulator.main import DEMO_PARTNER_SECRET, SimulatorSettings
from simulator.main import create_app as create_simulator
from vipkit.testing import DatabaseFactory, app_client, serve_app, wait_for

SECRET = DEMO_PARTNER_SECRET


def sim_settings(booking_url: str = "http://127.0.0.1:9", **extra: object) -> SimulatorSettings:
    values: dict[str, object] = {
        "booking_url": booking_url,
        "partner_id": "P-SIM",
        "partner_secret": SECRET,
        "confirm_delay_seconds": 0.05,
        "complete_delay_seconds": 0.05,
        "callback_backoff_seconds": 0.05,
        "test_clock": True,
    }
    values.update(extra)
    return SimulatorSettings(**values)  # type: ignore[arg-type]


async def test_simulator_refuses_unsigned_or_forged_webhooks() -> None:
    async with app_client(create_simulator(sim_settings())) as client:
        body = json.dumps({"type": "booking.requested", "data": {"booking_id": "BK1"}})
        r = await client.post("/webhooks/P-SIM", content=body)
        assert r.status_code == 401
        forged = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="
        r = await client.post(
            "/webhooks/P-SIM", content=body, headers=sign_headers(forged, "m1", body, dt.datetime.now(dt.UTC))
        )
        assert r.status_code == 401
        stale = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
        r = await client.post("/webhooks/P-SIM", content=body, headers=sign_headers(SECRET, "m2", body, stale))
        assert r.status_code == 401
        r = await client.post(
            "/webhooks/P-OTHER", content=body, headers=sign_headers(SECRET, "m3", body, dt.datetime.now(dt.UTC))
        )
        assert r.status_code == 404
        assert (await client.get("/bookings")).json()["items"] == []
        assert (await client.get("/healthz")).status_code == 200


async def test_simulator_refuses_its_demo_secret_outside_development() -> None:
    import pytest

    with pytest.raises(RuntimeError):
        create_simulator(sim_settings(env="prod"))


async def test_loop_book_then_simulator_confirms_and_completes(db_factory: DatabaseFactory) -> None:
    """Booking -> signed booking.requested -> simulator -> signed confirmed, completed -> unit consumed."""
    standin = EntitlementsStandIn()
    url = db_factory.create("sqlite", MIGRATIONS_DIR)
    async with serve_app(standin.app()) as ent_url:
        booking_app = create_app(
            BookingSettings(database_url=url, entitlements_url=ent_url, worker_poll_seconds=0.05),
            make_common_settings(),
        )
        async with (
            serve_app(booking_app) as booking_url,
            serve_app(create_simulator(sim_settings(booking_url))) as sim_url,
            httpx.AsyncClient(base_url=booking_url, timeout=10) as client,
        ):
            r = await client.put(
                "/api/v1/partners/P-SIM",
                json={"name": "模拟诊所", "webhook_url": f"{sim_url}/webhooks/P-SIM", "secret": SECRET},
                headers=OPS,
            )
            assert r.status_code == 201, r.text
            r = await client.put(
                "/api/v1/clinics/CL-SIM",
                json={
                    "partner_id": "P-SIM",
                    "name": "模拟口腔诊所",
                    "city": "北京",
                    "address": "北京市海淀区",
                    "opening_weekdays": [1, 2, 3, 4, 5],
                    "services": [{"service_code": "dental_cleaning", "daily_capacity": 3}],
                },
                headers=OPS,
            )
            assert r.status_code == 201, r.text
            customer = new_customer()
            r = await client.post(
                "/api/v1/bookings",
                json={
                    "customer_id": customer,
                    "service_code": "dental_cleaning",
                    "clinic_id": "CL-SIM",
                    "date": "2026-10-08",
                },
                headers={
                    **customer_headers(customer, "2026-09-28T10:00:00+08:00"),
                    "Idempotency-Key": str(uuid.uuid4()),
                },
            )
            assert r.status_code == 201, r.text
            booking_id = r.json()["booking_id"]

            async def status() -> str:
                got = await client.get(f"/api/v1/bookings/{booking_id}", headers=OPS)
                return str(got.json()["status"])

            await wait_for(lambda: _is(status, "completed"), timeout=15, what="simulator completes the booking")
            booking = (await client.get(f"/api/v1/bookings/{booking_id}", headers=OPS)).json()
            assert [h["to_status"] for h in booking["history"]] == ["pending", "confirmed", "completed"]
            assert booking["history"][1]["actor"] == "partner:P-SIM"
            # a clinic completes on the appointment date (the platform's test clock), not before
            assert booking["history"][2]["at"] == "2026-10-08T08:00:00Z"  # 16:00 in Shanghai
            await wait_for(lambda: booking_ledger_done(client, booking_id), timeout=10, what="ledger settled")
            assert standin.reservations[booking["reservation_id"]]["status"] == "consumed"
            deliveries = (
                await client.get("/api/v1/webhook-deliveries", params={"booking_id": booking_id}, headers=OPS)
            ).json()
            assert [d["status"] for d in deliveries["items"]] == ["delivered"]


async def _is(status: object, expected: str) -> bool:
    return bool(await status() == expected)  # type: ignore[operator]


async def booking_ledger_done(client: httpx.AsyncClient, booking_id: str) -> bool:
    booking = (await client.get(f"/api/v1/bookings/{booking_id}", headers=OPS)).json()
    return bool(booking["ledger"] and booking["ledger"]["done"])
