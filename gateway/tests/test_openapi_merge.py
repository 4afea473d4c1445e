"""Merging the services' OpenAPI documents into the gateway's one document (pure)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gateway.openapi import OpenApiAggregator, merge_documents
from gateway.routing import RouteTable

TABLE = RouteTable()


def _op(ref: str | None = None, tags: list[str] | None = None, op_id: str | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": ref}}}}
            if ref
            else {"description": "OK"},
            "422": {
                "description": "Validation Error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}},
            },
        }
    }
    if tags:
        op["tags"] = tags
    if op_id:
        op["operationId"] = op_id
    return op


VALIDATION = {
    "HTTPValidationError": {"type": "object", "properties": {"detail": {"type": "array"}}},
    "ValidationError": {"type": "object", "properties": {"loc": {"type": "array"}}},
}


def tiering_doc() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tiering service", "version": "1.0.0", "description": "tiers"},
        "paths": {
            "/healthz": {"get": _op()},
            "/api/v1/customers/{customer_id}/tier": {
                "parameters": [{"name": "customer_id", "in": "path", "required": True}],
                "get": _op("#/components/schemas/TierRead", ["tiering"], "get_tier"),
            },
            "/api/v1/policies/{policy_no}": {"put": _op("#/components/schemas/Policy", ["policies"], "put_policy")},
            "/api/v1/programs": {"get": _op(None, None, "programs")},  # not routed by the gateway
        },
        "components": {
            "schemas": {
                **VALIDATION,
                "TierRead": {
                    "type": "object",
                    "properties": {"tier": {"type": "string"}, "top_up": {"$ref": "#/components/schemas/TopUp-Output"}},
                },
                "TopUp-Output": {"title": "TopUp", "type": "object", "properties": {"amount": {"type": "string"}}},
                "Policy": {"type": "object", "properties": {"policy_no": {"type": "string"}}},
                "Money": {"type": "string", "pattern": r"^\d+\.\d{2}$"},
                "Problem": {"type": "object", "properties": {"code": {"type": "string"}}},
            }
        },
    }


def booking_doc() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Booking service", "version": "1.0.0", "description": "bookings"},
        "paths": {
            "/api/v1/bookings": {"post": _op("#/components/schemas/BookingRead", ["bookings"], "get_tier")},
            "/api/v1/clinics": {"get": _op("#/components/schemas/Policy")},
            "/api/v1/customers/{customer_id}/tier": {"get": _op()},  # routed to tiering, not booking
        },
        "components": {
            "schemas": {
                **VALIDATION,
                "BookingRead": {"type": "object", "properties": {"policy": {"$ref": "#/components/schemas/Policy"}}},
                "Policy": {"type": "object", "properties": {"kind": {"type": "string"}}},  # a different Policy
                "Money": {"type": "string", "pattern": r"^\d+\.\d{2}$"},  # the same Money
            }
        },
    }


@pytest.fixture
def merged() -> dict[str, Any]:
    return merge_documents({"tiering": tiering_doc(), "booking": booking_doc(), "revisit": None}, TABLE)


def test_paths_are_the_ones_the_gateway_routes_to_their_service(merged: dict[str, Any]) -> None:
    assert set(merged["paths"]) == {
        "/api/v1/error-codes",  # the gateway's own
        "/api/v1/customers/{customer_id}/tier",
        "/api/v1/policies/{policy_no}",
        "/api/v1/bookings",
        "/api/v1/clinics",
    }
    assert "tiering: GET /api/v1/programs" in merged["info"]["x-unrouted-operations"]
    assert "booking: GET /api/v1/customers/{customer_id}/tier" in merged["info"]["x-unrouted-operations"]
    # path-level parameters are kept
    assert merged["paths"]["/api/v1/customers/{customer_id}/tier"]["parameters"][0]["name"] == "customer_id"


def test_tags_by_audience_and_domain_kept_and_service_named(merged: dict[str, Any]) -> None:
    names = [t["name"] for t in merged["tags"]]
    assert names[:5] == ["Customer app", "Ops console", "Partner clinics", "Revisit link (H5)", "Service to service"]
    assert {"policies", "tiering", "bookings", "booking"} <= set(names)  # the services' own tags are declared
    put = merged["paths"]["/api/v1/policies/{policy_no}"]["put"]
    assert put["tags"] == ["policies"] and put["x-service"] == "tiering"
    clinics = merged["paths"]["/api/v1/clinics"]["get"]
    assert clinics["tags"] == ["booking"]  # untagged: the service's name


def test_component_clash_is_prefixed_with_the_service_name(merged: dict[str, Any]) -> None:
    schemas = merged["components"]["schemas"]
    assert "Policy" not in schemas
    assert schemas["TieringPolicy"]["properties"] == {"policy_no": {"type": "string"}}
    assert schemas["BookingPolicy"]["properties"] == {"kind": {"type": "string"}}
    put = merged["paths"]["/api/v1/policies/{policy_no}"]["put"]
    assert (
        put["responses"]["200"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/TieringPolicy"
    )
    clinics = merged["paths"]["/api/v1/clinics"]["get"]
    assert (
        clinics["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        == "#/components/schemas/BookingPolicy"
    )
    # a schema that refers to a renamed one points at the service's version
    assert schemas["BookingRead"]["properties"]["policy"]["$ref"] == "#/components/schemas/BookingPolicy"


def test_component_names_are_identifiers_for_client_generators(merged: dict[str, Any]) -> None:
    schemas = merged["components"]["schemas"]
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", name) for name in schemas)
    assert "TopUp-Output" not in schemas and schemas["TopUpOutput"]["properties"] == {"amount": {"type": "string"}}
    assert schemas["TopUpOutput"]["title"] == "TopUpOutput"  # generators name classes by title
    assert schemas["TierRead"]["properties"]["top_up"]["$ref"] == "#/components/schemas/TopUpOutput"


def test_identical_components_are_shared_not_duplicated(merged: dict[str, Any]) -> None:
    schemas = merged["components"]["schemas"]
    assert "Money" in schemas and "TieringMoney" not in schemas and "BookingMoney" not in schemas


def test_one_shared_problem_schema_for_every_error(merged: dict[str, Any]) -> None:
    schemas = merged["components"]["schemas"]
    assert schemas["Problem"]["required"] == ["type", "title", "status", "code", "detail"]
    assert "HTTPValidationError" not in schemas and "tiering.Problem" not in schemas
    get_tier = merged["paths"]["/api/v1/customers/{customer_id}/tier"]["get"]
    assert get_tier["responses"]["422"]["content"] == {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    for name in (
        "Unauthorized",
        "Forbidden",
        "NotFound",
        "RateLimited",
        "BadGateway",
        "GatewayTimeout",
        "PayloadTooLarge",
    ):
        assert (
            merged["components"]["responses"][name]["content"]["application/problem+json"]["schema"]["$ref"]
            == "#/components/schemas/Problem"
        )


def test_bearer_security_and_access_per_operation(merged: dict[str, Any]) -> None:
    assert merged["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert merged["security"] == [{"bearerAuth": []}]
    get_tier = merged["paths"]["/api/v1/customers/{customer_id}/tier"]["get"]
    assert get_tier["x-gateway-access"] == "customer"
    assert {"401", "404", "429"} <= set(get_tier["responses"])
    put = merged["paths"]["/api/v1/policies/{policy_no}"]["put"]
    assert put["x-gateway-access"] == "ops" and "403" in put["responses"]
    clinics = merged["paths"]["/api/v1/clinics"]["get"]
    assert clinics["x-gateway-access"] == "public" and clinics["security"] == [] and "401" not in clinics["responses"]


def test_operation_id_clash_is_prefixed(merged: dict[str, Any]) -> None:
    ids = [
        op.get("operationId")
        for item in merged["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "responses" in op
    ]
    assert "get_tier" in ids and "booking_get_tier" in ids
    assert len([i for i in ids if i]) == len({i for i in ids if i})


def test_unreachable_service_is_named(merged: dict[str, Any]) -> None:
    assert merged["info"]["x-upstreams-unavailable"] == ["revisit"]


async def test_aggregator_caches_and_refetches_a_service_that_was_down() -> None:
    calls: list[str] = []
    up = {"tiering": False}

    async def fetch(service: str) -> dict[str, Any]:
        calls.append(service)
        if not up[service]:
            raise ConnectionError("down")
        return tiering_doc()

    aggregator = OpenApiAggregator(["tiering"], fetch, TABLE, ttl=3600, retry=0.0)
    first = await aggregator.document()
    assert b"x-upstreams-unavailable" in first
    up["tiering"] = True
    second = await aggregator.document()  # retry=0: refetched at once
    assert b"/api/v1/policies/{policy_no}" in second
    count = len(calls)
    assert await aggregator.document() == second  # fresh for an hour: cached
    assert len(calls) == count
