"""entitlements.py: booking's HTTP client of the entitlements reservation API, against the contract
stand-in served over real HTTP (and a tiny app for odd answers): idempotent reserve, settle, list by
reference, the cached catalog, and entitlements' errors mapped to booking's problems."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse

from services.booking.entitlements import EntitlementsClient, EntitlementsUnavailable
from services.booking.tests.conftest import make_common_settings, new_customer
from services.booking.tests.entitlements_standin import EntitlementsStandIn
from vipkit.broker import free_port
from vipkit.problems import NotEntitled, Problem, QuotaExhausted
from vipkit.testing import serve_app


@pytest.fixture
async def client(standin: EntitlementsStandIn) -> AsyncIterator[EntitlementsClient]:
    ent = EntitlementsClient(standin.url, make_common_settings())  # type: ignore[attr-defined]
    yield ent
    await ent.aclose()


async def reserve(ent: EntitlementsClient, customer: str, key: str, reference: str = "BK1") -> str:
    found = await ent.reserve(
        idempotency_key=key,
        customer_id=customer,
        service_code="dental_cleaning",
        beneficiary_id=None,
        reference=reference,
    )
    return str(found["reservation_id"])


async def test_reserve_is_idempotent_by_key_and_listed_by_reference(
    client: EntitlementsClient, standin: EntitlementsStandIn
) -> None:
    customer = new_customer()
    first = await reserve(client, customer, "booking:BK1")
    assert await reserve(client, customer, "booking:BK1") == first  # a retry: the same unit
    assert len(standin.reservations) == 1
    assert [r["reservation_id"] for r in await client.reservations_for("BK1")] == [first]
    assert await client.reservations_for("BK-other") == []


async def test_consume_then_release_is_an_illegal_transition_and_unknown_is_not_found(
    client: EntitlementsClient, standin: EntitlementsStandIn
) -> None:
    rid = await reserve(client, new_customer(), "booking:BK2", "BK2")
    assert (await client.consume(rid, "completed"))["status"] == "consumed"
    assert standin.reservations[rid]["reason"] == "completed"
    with pytest.raises(Problem) as refused:
        await client.release(rid, "booking_failed")
    assert (refused.value.status, refused.value.code) == (409, "illegal_transition")
    with pytest.raises(Problem) as missing:
        await client.release("R-none", "booking_failed")
    assert (missing.value.status, missing.value.code) == (404, "not_found")


async def test_quota_exhausted_and_not_entitled_keep_entitlements_codes(
    client: EntitlementsClient, standin: EntitlementsStandIn
) -> None:
    customer = new_customer()
    await reserve(client, customer, "booking:BK3")
    with pytest.raises(QuotaExhausted) as exhausted:
        await reserve(client, customer, "booking:BK4")
    assert exhausted.value.code == "quota_exhausted" and exhausted.value.extra["remaining"] == 0
    standin.not_entitled.add(customer)
    with pytest.raises(NotEntitled) as refused:
        await reserve(client, customer, "booking:BK5")
    assert refused.value.code == "not_entitled" and "tier" in refused.value.detail


async def test_down_or_unreachable_entitlements_is_unavailable(
    client: EntitlementsClient, standin: EntitlementsStandIn
) -> None:
    standin.down = True
    with pytest.raises(EntitlementsUnavailable) as down:
        await client.reservations_for("BK1")
    assert "503" in down.value.detail and down.value.status == 503
    nobody = EntitlementsClient(f"http://127.0.0.1:{free_port()}", make_common_settings(), timeout=2.0)
    try:
        with pytest.raises(EntitlementsUnavailable) as unreachable:
            await nobody.catalog()
        assert "unreachable" in unreachable.value.detail
    finally:
        await nobody.aclose()


async def test_catalog_is_cached_for_its_period(standin: EntitlementsStandIn) -> None:
    cached = EntitlementsClient(standin.url, make_common_settings(), cache_seconds=60)  # type: ignore[attr-defined]
    fresh = EntitlementsClient(standin.url, make_common_settings(), cache_seconds=0)  # type: ignore[attr-defined]
    try:
        service = await cached.service("dental_cleaning")
        assert service is not None and service["name"] == "洁牙服务"
        assert await cached.service("no_such_service") is None
        await cached.catalog()
        assert standin.calls.count("GET /api/v1/catalog") == 1
        await fresh.catalog()
        await fresh.catalog()
        assert standin.calls.count("GET /api/v1/catalog") == 3
    finally:
        await cached.aclose()
        await fresh.aclose()


async def test_a_422_is_a_validation_problem_and_an_unexplained_error_is_unavailable() -> None:
    app = FastAPI()

    @app.post("/api/v1/reservations/{rid}/consume")
    async def consume(rid: str) -> JSONResponse:
        return JSONResponse({"code": "validation_error", "detail": "reason too long"}, status_code=422)

    @app.post("/api/v1/reservations/{rid}/release")
    async def release(rid: str) -> PlainTextResponse:
        return PlainTextResponse("bad gateway", status_code=502)

    async with serve_app(app) as url:
        ent = EntitlementsClient(url, make_common_settings())
        try:
            with pytest.raises(Problem) as invalid:
                await ent.consume("R1", "x" * 500)
            assert (invalid.value.status, invalid.value.code, invalid.value.detail) == (
                422,
                "validation_error",
                "reason too long",
            )
            with pytest.raises(EntitlementsUnavailable) as odd:
                await ent.release("R1", "booking_failed")
            assert odd.value.detail == "entitlements answered 502: entitlements answered 502"
        finally:
            await ent.aclose()
