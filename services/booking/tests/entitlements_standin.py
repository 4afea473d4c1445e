"""A CONTRACT STAND-IN for the entitlements reservation API (docs/internal-apis.md), for booking tests.

It is not the entitlements service: it keeps a fixed quota per (customer, service) in memory and
implements exactly the documented interface (catalog, reservations with Idempotency-Key, consume,
release, list by reference), so booking's own rules can be tested in isolation, including
"entitlements is down". The real cross-service flow runs against the real entitlements app in
``simulator/tests/test_e2e_loop.py``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse

CATALOG: dict[str, Any] = {
    "program": "levels",
    "services": [
        {
            "service_code": "dental_cleaning",
            "name": "洁牙服务",
            "tiers": {"gold": {"quota": 1}},
            "period": "calendar_year",
            "beneficiaries": {"holder": True, "insured": False, "relations": ["spouse", "parent", "child"]},
            "bookable": True,
            "booking": {
                "kind": "appointment",
                "advance_working_days": 2,
                "cancel_cutoff_working_days": 1,
                "cancel_cutoff_hour": 12,
                "sla": None,
            },
        },
        {
            "service_code": "health_checkup",
            "name": "体检服务",
            "tiers": {"star_1": {"quota": 1}},
            "period": "calendar_year",
            "beneficiaries": {"holder": True, "insured": False, "relations": []},
            "bookable": True,
            "booking": {
                "kind": "appointment",
                "advance_working_days": 3,
                "cancel_cutoff_working_days": 1,
                "cancel_cutoff_hour": 12,
                "sla": None,
            },
        },
        {
            "service_code": "second_opinion_domestic",
            "name": "国内二次诊疗意见",
            "tiers": {"star_2": {"quota": 2}},
            "period": "calendar_year",
            "beneficiaries": {"holder": True, "insured": True, "relations": ["parent", "child", "spouse"]},
            "bookable": True,
            "booking": {
                "kind": "request",
                "advance_working_days": 0,
                "cancel_cutoff_working_days": 1,
                "cancel_cutoff_hour": 12,
                "sla": {"contact_working_days": 1, "opinion_working_days": 10},
            },
        },
        {
            "service_code": "health_consultation",
            "name": "健康咨询",
            "tiers": {"star_1": {"quota": None}},
            "period": "calendar_year",
            "beneficiaries": {"holder": True, "insured": False, "relations": []},
            "bookable": False,
            "booking": None,
        },
    ],
}


def _problem(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse(
        {"status": status, "code": code, "detail": detail}, status_code=status, media_type="application/problem+json"
    )


@dataclass
class EntitlementsStandIn:
    default_quota: int = 1
    quotas: dict[tuple[str, str], int] = field(default_factory=dict)
    not_entitled: set[str] = field(default_factory=set)
    reservations: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    down: bool = False
    calls: list[str] = field(default_factory=list)

    def quota(self, customer_id: str, service_code: str) -> int:
        return self.quotas.get((customer_id, service_code), self.default_quota)

    def held(self, customer_id: str, service_code: str) -> int:
        return sum(
            1
            for r in self.reservations.values()
            if r["customer_id"] == customer_id
            and r["service_code"] == service_code
            and r["status"] in ("reserved", "consumed")
        )

    def with_status(self, status: str, customer_id: str | None = None) -> list[dict[str, Any]]:
        return [
            r
            for r in self.reservations.values()
            if r["status"] == status and (customer_id is None or r["customer_id"] == customer_id)
        ]

    def app(self) -> FastAPI:
        app = FastAPI()
        standin = self

        @app.middleware("http")
        async def gate(request: Request, call_next: Any) -> Any:
            standin.calls.append(f"{request.method} {request.url.path}")
            if standin.down:
                return _problem(503, "service_unavailable", "stand-in is down")
            if not request.headers.get("authorization", "").startswith("Bearer "):
                return _problem(401, "unauthorized", "missing bearer token")
            return await call_next(request)

        @app.get("/api/v1/catalog")
        async def catalog() -> dict[str, Any]:
            return CATALOG

        @app.post("/api/v1/reservations", status_code=201, response_model=None)
        async def reserve(
            request: Request, idempotency_key: str = Header(alias="Idempotency-Key")
        ) -> dict[str, Any] | JSONResponse:
            body = await request.json()
            if idempotency_key in standin.by_key:
                return JSONResponse(standin.reservations[standin.by_key[idempotency_key]], status_code=200)
            customer, service = body["customer_id"], body["service_code"]
            if customer in standin.not_entitled:
                return _problem(403, "not_entitled", f"{service} is not available at the customer's tier")
            if body.get("beneficiary_id") == "unknown-relative":
                return _problem(404, "not_found", "relative not found")
            left = standin.quota(customer, service) - standin.held(customer, service)
            if left <= 0:
                return _problem(409, "quota_exhausted", f"no {service} left this period")
            rid = f"R{uuid.uuid4().hex[:12]}"
            reservation = {
                "reservation_id": rid,
                "status": "reserved",
                "customer_id": customer,
                "service_code": service,
                "beneficiary_id": body.get("beneficiary_id"),
                "reference": body.get("reference"),
                "period_start": "2026-01-01",
                "period_end": "2026-12-31",
                "remaining": left - 1,
            }
            standin.reservations[rid] = reservation
            standin.by_key[idempotency_key] = rid
            return reservation

        async def settle(rid: str, target: str, request: Request) -> dict[str, Any] | JSONResponse:
            body = await request.json()
            reservation = standin.reservations.get(rid)
            if reservation is None:
                return _problem(404, "not_found", "reservation not found")
            if reservation["status"] == target:
                return reservation
            if reservation["status"] != "reserved":
                return _problem(409, "illegal_transition", f"{reservation['status']} -> {target}")
            reservation["status"] = target
            reservation["reason"] = body.get("reason")
            return reservation

        @app.post("/api/v1/reservations/{rid}/consume", response_model=None)
        async def consume(rid: str, request: Request) -> dict[str, Any] | JSONResponse:
            return await settle(rid, "consumed", request)

        @app.post("/api/v1/reservations/{rid}/release", response_model=None)
        async def release(rid: str, request: Request) -> dict[str, Any] | JSONResponse:
            return await settle(rid, "released", request)

        @app.get("/api/v1/reservations")
        async def by_reference(reference: str) -> dict[str, Any]:
            return {"items": [r for r in standin.reservations.values() if r["reference"] == reference]}

        return app
