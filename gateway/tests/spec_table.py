"""The public endpoints of SPEC 7 (and docs/internal-apis.md) with who may call them.

``access``: public | authenticated (any token; the service checks object ownership) | customer
(``/customers/{customer_id}/...``: the owner or staff) | ops (staff only). ``C_OWNER`` stands for the
customer in the path.
"""

from __future__ import annotations

C_OWNER = "C_OWNER"

SPEC_ENDPOINTS: list[tuple[str, str, str]] = [
    ("PUT", "/api/v1/policies/P2026000001", "ops"),
    ("GET", f"/api/v1/customers/{C_OWNER}/tier", "customer"),
    ("GET", f"/api/v1/customers/{C_OWNER}/tier/history", "customer"),
    ("POST", "/api/v1/tiering/runs", "ops"),
    ("GET", "/api/v1/tiers", "ops"),
    ("GET", "/api/v1/catalog", "authenticated"),
    ("GET", f"/api/v1/customers/{C_OWNER}/entitlements", "customer"),
    ("PUT", f"/api/v1/customers/{C_OWNER}/relatives/R1", "customer"),
    ("POST", "/api/v1/reservations", "ops"),
    ("GET", "/api/v1/reservations", "ops"),
    ("POST", "/api/v1/reservations/RS1/consume", "ops"),
    ("POST", "/api/v1/reservations/RS1/release", "ops"),
    ("PUT", "/api/v1/partners/PT1", "ops"),
    ("PUT", "/api/v1/clinics/CL1", "ops"),
    ("GET", "/api/v1/clinics", "public"),
    ("GET", "/api/v1/calendar/working-days", "public"),
    ("PUT", "/api/v1/calendar/overrides/2026-10-08", "ops"),
    ("GET", "/api/v1/bookings/earliest", "authenticated"),
    ("POST", "/api/v1/bookings", "authenticated"),
    ("GET", "/api/v1/bookings/B1", "authenticated"),
    ("GET", f"/api/v1/customers/{C_OWNER}/bookings", "customer"),
    ("POST", "/api/v1/bookings/B1/cancel", "authenticated"),
    ("POST", "/api/v1/partners/PT1/webhooks", "public"),
    ("GET", "/api/v1/webhook-deliveries", "ops"),
    ("POST", "/api/v1/revisits/runs", "ops"),
    ("GET", "/api/v1/revisits", "ops"),
    ("GET", f"/api/v1/customers/{C_OWNER}/revisits", "customer"),
    ("GET", "/api/v1/phone-queue", "ops"),
    ("GET", "/r/some-token", "public"),
    ("POST", "/api/v1/revisit-sessions", "public"),
    ("POST", "/api/v1/revisit-sessions/S1/submit", "public"),
    ("POST", "/api/v1/revisit-sessions/S1/abort", "public"),
    ("GET", "/api/v1/notifications", "ops"),
]
