"""The gateway's routing table (docs/internal-apis.md) with the access rule of every path.

Access levels:

- ``public``: no token needed (health, docs, the H5 page ``/r/**``, revisit sessions held by link
  holders, signed partner webhooks, the clinic list and the working-day calendar). A valid token on a
  public path is still used for rate limiting by subject.
- ``authenticated``: any valid token; the service checks object ownership (bookings, ...).
- ``customer``: ``/api/v1/customers/{customer_id}/...``: customers only their own id (anything else is
  404 ``not_found`` at the gateway, to avoid enumeration); staff any.
- ``ops``: staff only (ops and internal services); customers get 403 ``forbidden``.

The table is compiled once into buckets keyed by the first path segment after ``/api/v1/`` (for
``customers``: the segment after the id), so a request costs a dict lookup and one or two short
regular-expression matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contracts import services as registry

PUBLIC = "public"
AUTHENTICATED = "authenticated"
CUSTOMER = "customer"
OPS = "ops"

_READ = frozenset({"GET", "HEAD", "OPTIONS"})
_POST = frozenset({"POST"})


@dataclass(frozen=True, slots=True)
class RouteRule:
    """``pattern``: ``{name}`` is one path segment; a trailing ``/**`` also matches the bare prefix."""

    pattern: str
    service: str
    access: str
    methods: frozenset[str] | None = None  # None: every method
    long_running: bool = False


# First matching rule wins; more specific rules come first within a prefix.
ROUTES: tuple[RouteRule, ...] = (
    # tiering
    RouteRule("/api/v1/tiering/runs/**", "tiering", OPS, long_running=True),
    RouteRule("/api/v1/tiering/**", "tiering", OPS),
    RouteRule("/api/v1/policies/**", "tiering", OPS),
    RouteRule("/api/v1/tiers/**", "tiering", OPS),
    RouteRule("/api/v1/customers/{customer_id}/tier/**", "tiering", CUSTOMER),
    # entitlements
    RouteRule("/api/v1/catalog/**", "entitlements", AUTHENTICATED),
    RouteRule("/api/v1/reservations/**", "entitlements", OPS),
    RouteRule("/api/v1/entitlements/**", "entitlements", OPS, long_running=True),
    RouteRule("/api/v1/customers/{customer_id}/entitlements/**", "entitlements", CUSTOMER),
    RouteRule("/api/v1/customers/{customer_id}/relatives/**", "entitlements", CUSTOMER),
    # booking
    RouteRule("/api/v1/partners/{partner_id}/webhooks", "booking", PUBLIC, methods=_POST),
    RouteRule("/api/v1/partners/**", "booking", OPS),
    RouteRule("/api/v1/clinics/**", "booking", PUBLIC, methods=_READ),
    RouteRule("/api/v1/clinics/**", "booking", OPS),
    RouteRule("/api/v1/calendar/overrides/**", "booking", OPS),
    RouteRule("/api/v1/calendar/**", "booking", PUBLIC, methods=_READ),  # working days, known years
    RouteRule("/api/v1/calendar/**", "booking", OPS),
    RouteRule("/api/v1/bookings/**", "booking", AUTHENTICATED),
    RouteRule("/api/v1/customers/{customer_id}/bookings/**", "booking", CUSTOMER),
    RouteRule("/api/v1/second-opinions/**", "booking", AUTHENTICATED),
    RouteRule("/api/v1/webhook-deliveries/**", "booking", OPS),
    # revisit
    RouteRule("/api/v1/revisits/runs/**", "revisit", OPS, long_running=True),
    RouteRule("/api/v1/revisits/**", "revisit", OPS),
    RouteRule("/api/v1/revisit-sessions/**", "revisit", PUBLIC),
    RouteRule("/api/v1/phone-queue/**", "revisit", OPS),
    RouteRule("/api/v1/customers/{customer_id}/revisits/**", "revisit", CUSTOMER),
    RouteRule("/r/**", "revisit", PUBLIC),
    # notifier
    RouteRule("/api/v1/notifications/**", "notifier", OPS),
    # every service's plumbing: durable jobs, parked outbox rows, dead letters (vipkit.ops)
    *(
        RouteRule(f"/api/v1/ops/{service}/**", service, OPS)
        for service in ("tiering", "entitlements", "booking", "revisit", "notifier")
    ),
)

_API = "/api/v1/"
_SEGMENT_RE = re.compile(r"\\\{(\w+)\\\}")


def _bucket_key(pattern: str) -> str:
    if pattern.startswith(_API):
        parts = pattern[len(_API) :].split("/")
        if parts[0] == "customers":
            return "customers/" + parts[2]
        return parts[0]
    return pattern.split("/")[1]


def _compile(pattern: str) -> re.Pattern[str]:
    tail = ""
    if pattern.endswith("/**"):
        pattern, tail = pattern[:-3], "(?:/.*)?"
    body = _SEGMENT_RE.sub(r"(?P<\1>[^/]+)", re.escape(pattern))
    return re.compile(f"{body}{tail}\\Z")


@dataclass(frozen=True, slots=True)
class RouteMatch:
    rule: RouteRule
    customer_id: str | None


class RouteTable:
    """Resolves ``(method, path)`` to its rule; ``None`` for paths no service serves."""

    def __init__(self, rules: tuple[RouteRule, ...] = ROUTES) -> None:
        unknown = sorted({r.service for r in rules} - set(registry.NAMES))
        if unknown:
            raise ValueError(f"routes to services not in the registry (contracts.services): {unknown}")
        self.rules = rules
        self._buckets: dict[str, list[tuple[RouteRule, re.Pattern[str]]]] = {}
        for rule in rules:
            self._buckets.setdefault(_bucket_key(rule.pattern), []).append((rule, _compile(rule.pattern)))

    def match(self, method: str, path: str) -> RouteMatch | None:
        customer_id: str | None = None
        if path.startswith(_API):
            parts = path[8:].split("/", 3)
            key = parts[0]
            if key == "customers":
                if len(parts) < 3 or not parts[1]:
                    return None
                customer_id = parts[1]
                key = "customers/" + parts[2]
        elif path.startswith("/r/") or path == "/r":
            key = "r"
        else:
            return None
        bucket = self._buckets.get(key)
        if bucket is None:
            return None
        for rule, regex in bucket:
            if rule.methods is not None and method not in rule.methods:
                continue
            if regex.match(path):
                return RouteMatch(rule, customer_id)
        return None


def unsafe_path(raw_path: str) -> bool:
    """Paths whose meaning could differ between the gateway and a service: dot segments, encoded
    slashes, backslashes or dots. Refused (404) so the checked path is the forwarded path."""
    path = raw_path.split("?", 1)[0]
    if "%" in path:
        lowered = path.lower()
        if "%2f" in lowered or "%5c" in lowered or "%2e" in lowered or "%00" in lowered:
            return True
    if "\\" in path or "//" in path:
        return True
    return "/." in path and any(seg in (".", "..") for seg in path.split("/"))
