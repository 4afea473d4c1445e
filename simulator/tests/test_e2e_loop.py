"""End to end, real services over real HTTP: book -> simulator confirms -> completes -> the unit is
consumed in the real entitlements ledger (SPEC 3.1, 4.2, 4.3).

The real entitlements app (program ``levels``) gets the customer's tier through its real
``tier.changed.v1`` consumer code path (``ConsumerRunner.process``, no group join needed).
"""

from __future__ import annotations

import json
import uuid

import httpx

from services.booking.main import MIGRATIONS_DIR as BOOKING_MIGRATIONS
from services.booking.main import create_app as create_booking
from services.booking.settings import BookingSettings
from services.booking.tests.conftest import OPS, customer_headers, make_common_settings, new_customer
from services.entitlements.main import MIGRATIONS_DIR as ENTITLEMENTS_MIGRATIONS
from services.entitlements.main import create_app as create_entitlements
from services.entitlements.settings import EntitlementsSettings
from simulator.main import DEMO_PARTNER_SECRET, SimulatorSettings
from simulator.main import create_app as create_simulator
from vipkit.consumer import ConsumerRunner
from vipkit.testing import DatabaseFactory, serve_app, wait_for

NOW = "2026-09-28T10:00:00+08:00"


def tier_event(customer_id: str, tier: str) -> bytes:
    return json.dumps(
        {
            "specversion": "1.0",
            "id": str(uuid.uuid4()),
            "source": "tiering",
            "type": "com.insurer.vip.tier.changed.v1",
            "time": "2026-06-01T10:00:00+08:00",
            "subject": customer_id,
            "datacontenttype": "application/json",
            "testnow": "2026-06-01T10:00:00+08:00",
            "data": {
                "customer_id": customer_id,
                "program": "levels",
                "from_tier": "none",
                "to_tier": tier,
                "status": "confirmed",
                "reason": "upgrade",
                "score": "70000.00",
                "effective_at": "2026-06-01T10:00:00+08:00",
                "sequence": 1,
            },
        }
    ).encode()


async def dental(client: httpx.AsyncClient, customer: str) -> dict[str, object]:
    r = await client.get(f"/api/v1/customers/{customer}/entitlements", headers={**OPS, "X-Test-Now": NOW})
    assert r.status_code == 200, r.text
    body = r.json()
    items = body["items"] if isinstance(body, dict) and "items" in body else body.get("services", body)
    return next(i for i in items if i["service_code"] == "dental_cleaning")


async def test_e2e_book_simulator_confirms_completes_unit_consumed(db_factory: DatabaseFactory) -> None:
    common = make_common_settings(program="levels")
    ent_app = create_entitlements(
        EntitlementsSettings(
            database_url=db_factory.create("sqlite", ENTITLEMENTS_MIGRATIONS), tiering_url="http://127.0.0.1:9"
        ),
        common,
    )
    customer = new_customer()
    async with serve_app(ent_app) as ent_url:
        runner = ConsumerRunner(ent_app.state.spec.consumers[0], ent_app.state.db, common, service="entitlements")
        assert (await runner.process("tier.changed.v1", tier_event(customer, "gold"))).status == "processed"
        booking_app = create_booking(
            BookingSettings(
                database_url=db_factory.create("sqlite", BOOKING_MIGRATIONS),
                entitlements_url=ent_url,
                worker_poll_seconds=0.05,
            ),
            common,
        )
        async with serve_app(booking_app) as booking_url:
            sim = SimulatorSettings(
                booking_url=booking_url,
                partner_id="P-E2E",
                partner_secret=DEMO_PARTNER_SECRET,
                confirm_delay_seconds=0.05,
                complete_delay_seconds=0.3,
            )
            async with serve_app(create_simulator(sim)) as sim_url, httpx.AsyncClient(timeout=10) as http:
                booking_api = httpx.AsyncClient(base_url=booking_url, timeout=10)
                ent_api = httpx.AsyncClient(base_url=ent_url, timeout=10)
                r = await booking_api.put(
                    "/api/v1/partners/P-E2E",
                    json={
                        "name": "E2E 诊所",
                        "webhook_url": f"{sim_url}/webhooks/P-E2E",
                        "secret": DEMO_PARTNER_SECRET,
                    },
                    headers=OPS,
                )
                assert r.status_code == 201, r.text
                r = await booking_api.put(
                    "/api/v1/clinics/CL-E2E",
                    json={
                        "partner_id": "P-E2E",
                        "name": "瑞尔齿科",
                        "city": "北京",
                        "address": "北京市朝阳区",
                        "opening_weekdays": [1, 2, 3, 4, 5],
                        "services": [
                            {
                                "service_code": "dental_cleaning",
                                "daily_capacity": 2,
                                "packages": [{"code": "classic", "name": "经典洁牙套餐"}],
                            }
                        ],
                    },
                    headers=OPS,
                )
                assert r.status_code == 201, r.text
                before = await dental(ent_api, customer)
                assert (before["quota"], before["used"], before["reserved"]) == (1, 0, 0)

                r = await booking_api.post(
                    "/api/v1/bookings",
                    json={
                        "customer_id": customer,
                        "service_code": "dental_cleaning",
                        "clinic_id": "CL-E2E",
                        "date": "2026-10-08",
                        "package_code": "classic",
                    },
                    headers={**customer_headers(customer, NOW), "Idempotency-Key": "e2e-1"},
                )
                assert r.status_code == 201, r.text
                booking_id = r.json()["booking_id"]
                assert r.json()["cancel_deadline"] == "2026-09-30T12:00:00+08:00"
                reserved = await dental(ent_api, customer)
                assert (reserved["used"], reserved["reserved"], reserved["remaining"]) == (0, 1, 0)

                # a second booking has no unit left: the real entitlements says quota_exhausted
                r = await booking_api.post(
                    "/api/v1/bookings",
                    json={
                        "customer_id": customer,
                        "service_code": "dental_cleaning",
                        "clinic_id": "CL-E2E",
                        "date": "2026-10-09",
                    },
                    headers=customer_headers(customer, NOW),
                )
                assert r.status_code == 409 and r.json()["code"] == "quota_exhausted", r.text

                async def consumed() -> bool:
                    d = await dental(ent_api, customer)
                    return (d["used"], d["reserved"]) == (1, 0)

                await wait_for(consumed, timeout=20, what="unit consumed in the entitlements ledger")
                booking = (await booking_api.get(f"/api/v1/bookings/{booking_id}", headers=OPS)).json()
                assert [h["to_status"] for h in booking["history"]] == ["pending", "confirmed", "completed"]
                seen = (await http.get(f"{sim_url}/bookings")).json()["items"]
                assert [b["booking_id"] for b in seen] == [booking_id]
                assert [s["type"] for s in seen[0]["sent"]] == ["booking.confirmed", "booking.completed"]
                r = await ent_api.get(
                    f"/api/v1/customers/{customer}/entitlements/dental_cleaning/ledger",
                    headers={**OPS, "X-Test-Now": NOW},
                )
                assert r.status_code == 200, r.text
                entries = r.json()["items"]
                assert [e["action"] for e in entries] == ["granted", "reserved", "consumed"]
                assert entries[-1]["reason"] == f"consumed: completed (booking {booking_id})"
                await booking_api.aclose()
                await ent_api.aclose()
