"""The routing table (docs/internal-apis.md) and the access rule of every SPEC 7 endpoint."""

from __future__ import annotations

import pytest

from gateway.routing import ROUTES, RouteTable, unsafe_path
from gateway.tests.spec_table import C_OWNER, SPEC_ENDPOINTS

TABLE = RouteTable()

ROUTED = [
    ("/api/v1/policies/P1", "tiering"),
    ("/api/v1/tiering/runs", "tiering"),
    ("/api/v1/tiers", "tiering"),
    ("/api/v1/customers/C1/tier", "tiering"),
    ("/api/v1/customers/C1/tier/history", "tiering"),
    ("/api/v1/catalog", "entitlements"),
    ("/api/v1/reservations/R1/consume", "entitlements"),
    ("/api/v1/entitlements/reconciliation/runs", "entitlements"),
    ("/api/v1/customers/C1/entitlements", "entitlements"),
    ("/api/v1/customers/C1/relatives/R1", "entitlements"),
    ("/api/v1/partners/P1", "booking"),
    ("/api/v1/clinics", "booking"),
    ("/api/v1/calendar/working-days", "booking"),
    ("/api/v1/bookings/B1/cancel", "booking"),
    ("/api/v1/customers/C1/bookings", "booking"),
    ("/api/v1/second-opinions/S1", "booking"),
    ("/api/v1/webhook-deliveries", "booking"),
    ("/api/v1/revisits/runs", "revisit"),
    ("/api/v1/revisit-sessions/S1/submit", "revisit"),
    ("/api/v1/phone-queue", "revisit"),
    ("/api/v1/customers/C1/revisits", "revisit"),
    ("/r/abc", "revisit"),
    ("/r/static/h5.js", "revisit"),
    ("/api/v1/notifications", "notifier"),
]


@pytest.mark.parametrize(("path", "service"), ROUTED)
def test_routing_table_sends_each_prefix_to_its_service(path: str, service: str) -> None:
    match = TABLE.match("GET", path)
    assert match is not None and match.rule.service == service


@pytest.mark.parametrize(("method", "path", "access"), SPEC_ENDPOINTS)
def test_spec7_endpoint_access_rule(method: str, path: str, access: str) -> None:
    match = TABLE.match(method, path.replace(C_OWNER, "C1001"))
    assert match is not None, f"{method} {path} is not routed"
    assert match.rule.access == access
    if access == "customer":
        assert match.customer_id == "C1001"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/v1",
        "/api/v1/",
        "/api/v1/unknown",
        "/api/v1/customers",
        "/api/v1/customers/C1",
        "/api/v1/customers/C1/policies",
        "/api/v1/customers//tier",
        "/api/v2/catalog",
        "/metrics",
        "/api/v1/catalogue",
        "/api/v1/tierings",
        "/rx",
    ],
)
def test_unknown_paths_are_not_routed(path: str) -> None:
    assert TABLE.match("GET", path) is None


def test_partner_webhooks_are_public_only_for_post() -> None:
    post = TABLE.match("POST", "/api/v1/partners/P1/webhooks")
    get = TABLE.match("GET", "/api/v1/partners/P1/webhooks")
    assert post is not None and post.rule.access == "public"
    assert get is not None and get.rule.access == "ops"


def test_clinics_read_public_write_ops() -> None:
    assert TABLE.match("GET", "/api/v1/clinics/CL1").rule.access == "public"  # type: ignore[union-attr]
    assert TABLE.match("DELETE", "/api/v1/clinics/CL1").rule.access == "ops"  # type: ignore[union-attr]


def test_batch_runs_get_the_long_timeout() -> None:
    assert TABLE.match("POST", "/api/v1/tiering/runs").rule.long_running  # type: ignore[union-attr]
    assert TABLE.match("POST", "/api/v1/revisits/runs").rule.long_running  # type: ignore[union-attr]
    assert not TABLE.match("GET", "/api/v1/catalog").rule.long_running  # type: ignore[union-attr]


def test_every_rule_belongs_to_a_known_service() -> None:
    assert {r.service for r in ROUTES} == {"tiering", "entitlements", "booking", "revisit", "notifier"}


@pytest.mark.parametrize(
    ("raw", "unsafe"),
    [
        ("/api/v1/customers/C1/tier", False),
        ("/api/v1/customers/C1/tier?x=%2F", False),
        ("/api/v1/customers/C1%2F..%2FC2/tier", True),
        ("/api/v1/customers/C1/../C2/tier", True),
        ("/api/v1/customers/%2e%2e/tier", True),
        ("/api/v1/customers/C1/./tier", True),
        ("/api/v1//customers/C1/tier", True),
        ("/api/v1/customers/C1\\..\\C2/tier", True),
        ("/r/a.b.c", False),
        ("/r/.well-known", False),
    ],
)
def test_paths_that_could_mean_something_else_upstream_are_refused(raw: str, unsafe: bool) -> None:
    assert unsafe_path(raw) is unsafe
