"""One OpenAPI document for the whole platform, merged from every service's ``/openapi.json``.

- Paths as the gateway exposes them: only operations the routing table sends to the service that
  documents them (service-internal paths such as ``/healthz`` are dropped; paths a service documents
  but the gateway does not route are listed under ``info.x-unrouted-operations``).
- Tags: one per service (the service's own tags are kept in ``x-service-tags``).
- Security: a bearer (JWT) scheme for the whole document; public operations carry ``security: []``.
  Every operation carries ``x-gateway-access`` (public | authenticated | customer | ops).
- One shared problem+json schema (``Problem``): error responses of the services (FastAPI's 422
  ``HTTPValidationError`` included, since vipkit renders those as problem+json) and the gateway's own
  (401/403/404/413/429/502/504) point at it.
- Component name clashes: a name defined differently by two services is prefixed with the service
  name (``tiering.Policy``, ``booking.Policy``); identical definitions are shared.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from gateway.api_reference import AUDIENCE_TAGS, ERROR_CODES_PATH, INTRODUCTION, WEBHOOKS
from gateway.routing import AUTHENTICATED, CUSTOMER, OPS, PUBLIC, RouteTable
from vipkit.openapi_docs import PROBLEM_SCHEMA, REQUEST_ID_HEADER, RETRY_AFTER_HEADER, problem_example

log = logging.getLogger("gateway.openapi")

AUDIENCES_AND_FIXED = frozenset({*(t["name"] for t in AUDIENCE_TAGS), "gateway", "Reference"})
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENT_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "links",
    "callbacks",
)
PROBLEM_SCHEMA_NAMES = frozenset({"Problem", "ProblemDetail", "ProblemDetails", "HTTPProblem"})
VALIDATION_SCHEMA_NAMES = frozenset({"HTTPValidationError"})

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
GATEWAY_RESPONSES: dict[str, tuple[str, str, str]] = {  # status: (component name, code, description)
    "401": ("Unauthorized", "unauthorized", "Missing or invalid bearer token (`unauthorized`)"),
    "403": ("Forbidden", "forbidden", "Operations staff only (`forbidden`)"),
    "404": ("NotFound", "not_found", "Not found, or another customer's data (`not_found`)"),
    "413": ("PayloadTooLarge", "payload_too_large", "Request body over the limit (`payload_too_large`)"),
    "429": ("RateLimited", "rate_limited", "Too many requests (`rate_limited`); see `Retry-After`"),
    "500": ("InternalError", "internal_error", "An unexpected error (`internal_error`); quote `request_id`"),
    "502": ("BadGateway", "bad_gateway", "The service could not be reached (`bad_gateway`)"),
    "504": ("GatewayTimeout", "gateway_timeout", "The service did not answer in time (`gateway_timeout`)"),
    "405": ("MethodNotAllowed", "method_not_allowed", "The method is not allowed on this path (`method_not_allowed`)"),
}


def _problem_response(description: str, code: str | None = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": dict(_PROBLEM_REF)}
    if code:
        media["examples"] = {code: {"summary": code, "value": problem_example(code)}}
    headers: dict[str, Any] = {"X-Request-ID": REQUEST_ID_HEADER}
    if code == "rate_limited":
        headers["Retry-After"] = RETRY_AFTER_HEADER
    return {"description": description, "headers": headers, "content": {"application/problem+json": media}}


def _rewrite_refs(node: Any, renames: dict[str, str]) -> Any:
    """A copy of ``node`` with ``$ref`` strings mapped through ``renames`` (full ref → full ref)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = renames.get(value, value)
            else:
                out[key] = _rewrite_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v, renames) for v in node]
    return node


def _ref(section: str, name: str) -> str:
    return f"#/components/{section}/{name}"


def _resolve_component_names(docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Per service: full ref → full ref for its components in the merged document.

    Names defined by one service, or identically by all, are kept; others get the service as a prefix
    (``TieringRunRead``), until stable (a rename changes its users); ``TopUp-Input`` → ``TopUpInput``."""
    renames: dict[str, dict[str, str]] = {service: {} for service in docs}
    for service in docs:
        for name in PROBLEM_SCHEMA_NAMES | VALIDATION_SCHEMA_NAMES:
            renames[service][_ref("schemas", name)] = _ref("schemas", "Problem")
    prefixed: set[tuple[str, str]] = set()  # (section, name) defined differently by several services
    while True:
        changed = False
        for section in COMPONENT_SECTIONS:
            changed = _prefix_conflicts(section, docs, renames, prefixed) or changed
        if not changed:
            _identifier_names(docs, renames)
            return renames


def _identifier_names(docs: dict[str, dict[str, Any]], renames: dict[str, dict[str, str]]) -> None:
    for service, doc in docs.items():
        for section, entries in (doc.get("components") or {}).items():
            for ref in (_ref(section, name) for name in entries or {}):
                path, target_name = renames[service].get(ref, ref).rsplit("/", 1)
                if (clean := "".join(c for c in target_name if c.isalnum() or c == "_")) != target_name:
                    renames[service][ref] = f"{path}/{clean}"


def _prefix_conflicts(
    section: str, docs: dict[str, dict[str, Any]], renames: dict[str, dict[str, str]], prefixed: set[tuple[str, str]]
) -> bool:
    """Prefix the names of ``section`` that several services define differently; True when any was."""
    changed = False
    names: dict[str, list[str]] = {}
    for service, doc in docs.items():
        for name in (doc.get("components") or {}).get(section) or {}:
            names.setdefault(name, []).append(service)
    for name, services in names.items():
        if len(services) < 2 or (section, name) in prefixed:
            continue
        if section == "schemas" and name in PROBLEM_SCHEMA_NAMES | VALIDATION_SCHEMA_NAMES:
            continue
        bodies = {
            json.dumps(_rewrite_refs(docs[s]["components"][section][name], renames[s]), sort_keys=True)
            for s in services
        }
        if len(bodies) > 1:
            prefixed.add((section, name))
            for s in services:
                renames[s][_ref(section, name)] = _ref(section, f"{s.capitalize()}{name}")
            changed = True
    return changed


def classify_access(table: RouteTable, method: str, path: str) -> tuple[str | None, str | None]:
    """(service, access) the gateway applies to an operation path template, or (None, None)."""
    match = table.match(method.upper(), path)
    if match is None:
        return None, None
    return match.rule.service, match.rule.access


def merge_documents(
    docs: dict[str, dict[str, Any] | None],
    table: RouteTable,
    *,
    gateway_paths: dict[str, Any] | None = None,
    version: str = "1.0.0",
) -> dict[str, Any]:
    """Merge the services' documents (``None`` for a service that could not be reached)."""
    present = {s: d for s, d in docs.items() if d is not None}
    missing = sorted(s for s, d in docs.items() if d is None)
    renames = _resolve_component_names(present)

    components: dict[str, dict[str, Any]] = {"schemas": {"Problem": copy.deepcopy(PROBLEM_SCHEMA)}}
    components["responses"] = {name: _problem_response(desc, code) for name, code, desc in GATEWAY_RESPONSES.values()}
    components["securitySchemes"] = {
        "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "JWT (HS256 or RS256) with `sub` (customer number or staff id) and `role` (customer | ops). "
            "Development tokens: `vip-token --sub C1001 --role customer`.",
        }
    }
    paths: dict[str, Any] = dict(gateway_paths or {})
    paths["/api/v1/error-codes"] = ERROR_CODES_PATH
    tags: list[dict[str, Any]] = [
        *AUDIENCE_TAGS,
        {"name": "gateway", "description": "The gateway itself: health and docs."},
        {"name": "Reference", "description": "Tables front-ends and partners build on."},
    ]
    domain_tags: dict[str, str] = {}
    unrouted: list[str] = []
    operation_ids: set[str] = set()

    for service, doc in present.items():
        mapping = renames[service]
        info = doc.get("info") or {}
        service_note = f"**{info.get('title', service)}** {info.get('version', '')}: {info.get('description', '')}"
        _merge_components(components, doc, mapping)
        for path, item in (doc.get("paths") or {}).items():
            for decorated in _merge_path(
                paths, table, service, path, _rewrite_refs(item, mapping), operation_ids, unrouted
            ):
                for tag in decorated["tags"]:
                    if tag not in AUDIENCES_AND_FIXED:
                        domain_tags.setdefault(tag, service_note.strip())

    tags.extend({"name": name, "description": note} for name, note in sorted(domain_tags.items()))
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "VIP service platform API",
            "version": version,
            "description": INTRODUCTION,
            "contact": {"name": "VIP platform team", "email": "vip-platform@example.com"},
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "tags": tags,
        "paths": dict(sorted(paths.items())),
        "webhooks": WEBHOOKS,
        "components": components,
    }
    if missing:
        document["info"]["x-upstreams-unavailable"] = missing
        document["info"]["description"] += f"\n\n**Not available right now:** {', '.join(missing)}."
    if unrouted:
        document["info"]["x-unrouted-operations"] = unrouted
    return document


def _merge_components(components: dict[str, dict[str, Any]], doc: dict[str, Any], mapping: dict[str, str]) -> None:
    """A service's components under their merged names (the shared Problem schema once)."""
    for section, entries in (doc.get("components") or {}).items():
        if section == "securitySchemes":
            continue
        for name, body in (entries or {}).items():
            target = mapping.get(_ref(section, name), _ref(section, name))
            if target == _ref("schemas", "Problem"):
                continue
            target_name = target.rsplit("/", 1)[1]
            merged = _rewrite_refs(body, mapping)
            if target_name != name and isinstance(merged, dict) and "title" in merged:
                merged["title"] = target_name  # generators name classes by title: keep them unique too
            components.setdefault(section, {})[target_name] = merged


def _merge_path(
    paths: dict[str, Any],
    table: RouteTable,
    service: str,
    path: str,
    item: dict[str, Any],
    operation_ids: set[str],
    unrouted: list[str],
) -> list[dict[str, Any]]:
    """Add a service's operations of ``path`` that the gateway routes to it; returns them decorated."""
    shared = {k: v for k, v in item.items() if k not in HTTP_METHODS}
    added = []
    for method in HTTP_METHODS:
        if method not in item:
            continue
        routed_service, access = classify_access(table, method, path)
        if routed_service != service:
            if service and path not in ("/healthz", "/readyz", "/metrics"):
                unrouted.append(f"{service}: {method.upper()} {path}")
            continue
        paths.setdefault(path, dict(shared))[method] = decorated = _decorate_operation(
            item[method], service, access or AUTHENTICATED, operation_ids
        )
        added.append(decorated)
    return added


def _decorate_operation(
    operation: dict[str, Any], service: str, access: str, operation_ids: set[str]
) -> dict[str, Any]:
    operation = dict(operation)
    operation["tags"] = operation.get("tags") or [service]
    operation["x-service"] = service
    operation["x-gateway-access"] = access
    operation_id = operation.get("operationId")
    if operation_id:
        if operation_id in operation_ids:
            operation_id = f"{service}_{operation_id}"
            operation["operationId"] = operation_id
        operation_ids.add(operation_id)
    who = {
        PUBLIC: "Public: no token needed.",
        AUTHENTICATED: "Any valid token; the service checks ownership of the object.",
        CUSTOMER: "Customers: only their own `customer_id` (others → 404); ops: any.",
        OPS: "Operations staff only (customers → 403).",
    }[access]
    operation["description"] = (operation.get("description") or "").rstrip() + f"\n\n*Access:* {who}"
    if access == PUBLIC:
        operation["security"] = []
    responses = _problem_responses(dict(operation.get("responses") or {}))
    for status in _gateway_statuses(access):
        if status not in responses:
            responses[status] = {"$ref": _ref("responses", GATEWAY_RESPONSES[status][0])}
    operation["responses"] = responses
    return operation


def _problem_responses(responses: dict[str, Any]) -> dict[str, Any]:
    """Error responses that point at the Problem schema become problem+json (unless the service
    documented them itself with codes, examples and headers)."""
    for status, response in list(responses.items()):
        if not status.startswith(("4", "5")) or not isinstance(response, dict):
            continue
        content = response.get("content") or {}
        if "application/problem+json" in content:
            continue  # documented by the service (codes, examples, headers)
        if any(
            (media.get("schema") or {}).get("$ref") == _PROBLEM_REF["$ref"]
            for media in content.values()
            if isinstance(media, dict)
        ):
            responses[status] = _problem_response(response.get("description") or "Error")
    return responses


def _gateway_statuses(access: str) -> list[str]:
    """The error statuses the gateway (or any service, for 500) may answer for a route of this access level."""
    wanted = ["413", "429", "500", "502", "504"]
    if access != PUBLIC:
        wanted.insert(0, "401")
    if access == OPS:
        wanted.insert(1, "403")
    if access == CUSTOMER:
        wanted.insert(1, "404")
    return wanted


class OpenApiAggregator:
    """Fetches and caches every upstream's document; merges them on demand.

    A document is refetched after ``ttl`` seconds, or after ``retry`` seconds when the upstream was
    down; the merged document is rebuilt only when one of them changed."""

    def __init__(
        self,
        services: list[str],
        fetch: Callable[[str], Awaitable[dict[str, Any]]],
        table: RouteTable,
        *,
        ttl: float,
        retry: float,
        gateway_paths: dict[str, Any] | None = None,
    ) -> None:
        self.services = services
        self._fetch = fetch
        self.table = table
        self.ttl = ttl
        self.retry = retry
        self.gateway_paths = gateway_paths
        self._docs: dict[str, dict[str, Any] | None] = dict.fromkeys(services)
        self._fetched_at: dict[str, float] = {}
        self._ok: dict[str, bool] = dict.fromkeys(services, False)
        self._merged: bytes | None = None
        self._lock = asyncio.Lock()

    def _stale(self, service: str, now: float) -> bool:
        at = self._fetched_at.get(service)
        if at is None:
            return True
        return now - at >= (self.ttl if self._ok[service] else self.retry)

    async def _fetch_one(self, service: str) -> dict[str, Any] | None:
        try:
            return await self._fetch(service)
        except Exception as exc:  # an upstream down must not break the docs
            log.warning("openapi fetch failed", extra={"upstream": service, "error": repr(exc)})
            return None

    async def document(self) -> bytes:
        now = time.monotonic()
        if self._merged is not None and not any(self._stale(s, now) for s in self.services):
            return self._merged
        async with self._lock:
            now = time.monotonic()
            stale = [s for s in self.services if self._stale(s, now)]
            if stale or self._merged is None:
                results = await asyncio.gather(*(self._fetch_one(s) for s in stale))
                changed = self._merged is None
                for service, doc in zip(stale, results, strict=True):
                    self._fetched_at[service] = time.monotonic()
                    self._ok[service] = doc is not None
                    if doc is None:
                        continue  # down: keep its last good document (if any), retry soon
                    if doc != self._docs[service]:
                        self._docs[service] = doc
                        changed = True
                if changed:
                    merged = merge_documents(self._docs, self.table, gateway_paths=self.gateway_paths)
                    self._merged = json.dumps(merged, ensure_ascii=False).encode()
            assert self._merged is not None
            return self._merged
