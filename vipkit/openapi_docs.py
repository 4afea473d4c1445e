"""What every operation of a service says about itself in OpenAPI, kept out of the routers.

A service lists one ``Op`` per route (keyed by the route function's name) in its own
``openapi_docs.py``; ``create_service_app`` applies them: a stable camelCase ``operationId``, the
audience and domain tags, the summary, a description (what it does, who may call it, the rules with
their SPEC section), the problem codes it can return (status, Chinese message, extra fields, an
example body each), request and response examples, and the response headers (``X-Request-ID`` on
every answer). Examples an ``Op`` does not give are built from the schema with realistic values
(``vipkit.openapi_examples``). A test fails when a route has no ``Op``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from vipkit.error_codes import ERROR_CODES
from vipkit.openapi_examples import fill_examples

CUSTOMER_APP = "Customer app"
OPS = "Ops console"
PARTNER = "Partner clinics"
LINK_HOLDER = "Revisit link (H5)"
SERVICES = "Service to service"
AUDIENCES = {
    CUSTOMER_APP: "What the mobile app and the WeChat H5 pages call with a customer's token.",
    OPS: "What the operations staff (VIP desk, call centre, ops console) call with an `ops` token.",
    PARTNER: "What partner clinics call (signed with Standard Webhooks, no JWT); see also the `webhooks` "
    "section for what the platform sends them.",
    LINK_HOLDER: "What the H5 revisit page calls on behalf of whoever holds the SMS link.",
    SERVICES: "Called by other platform services (internal token); documented for operators.",
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details with a stable `code` (SPEC 7.1; table: `GET /api/v1/error-codes`). "
    "Extra fields depend on the code.",
    "required": ["type", "title", "status", "code", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri", "description": "A URI naming the problem kind."},
        "title": {"type": "string", "description": "The HTTP status phrase."},
        "status": {"type": "integer", "description": "The HTTP status code."},
        "code": {"type": "string", "enum": sorted(ERROR_CODES), "description": "The stable error code."},
        "detail": {"type": "string", "description": "What went wrong, in English (for developers and logs)."},
        "instance": {"type": "string", "description": "The request path."},
        "request_id": {"type": "string", "description": "Echo of `X-Request-ID`, for support."},
        "errors": {
            "type": "array",
            "description": "Validation errors (422): the fields and what is wrong with them.",
            "items": {
                "type": "object",
                "properties": {
                    "field": {
                        "type": "string",
                        "description": "The field, dotted for nested ones (e.g. `holder.id_no`).",
                    },
                    "message": {"type": "string", "description": "What is wrong with it, in English."},
                    "type": {"type": "string", "description": "The validation error kind (e.g. `date_from_datetime`)."},
                },
            },
        },
    },
    "additionalProperties": True,
    "examples": [
        {
            "type": "https://vip.example.com/problems/not-found",
            "title": "Not Found",
            "status": 404,
            "code": "not_found",
            "detail": "booking not found",
            "instance": "/api/v1/bookings/B20260928000001",
            "request_id": "5f0c8a2e9b1d4c37a6e2f1b0c9d8e7a6",
        }
    ],
}
PROBLEM_REF = "#/components/schemas/Problem"
REQUEST_ID_HEADER = {
    "description": "The request id (echoes the request's `X-Request-ID`, or a new one); quote it to support.",
    "schema": {"type": "string"},
}
RETRY_AFTER_HEADER = {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}
STANDARD_WEBHOOK_HEADERS: list[dict[str, Any]] = [
    {
        "name": "webhook-id",
        "in": "header",
        "required": True,
        "description": "The message id; the same on every retry of one message (deduplicate on it).",
        "schema": {"type": "string"},
        "example": "msg_2f1c9b7e4a6d4e0b8c3a5f7d9e1b2c4a",
    },
    {
        "name": "webhook-timestamp",
        "in": "header",
        "required": True,
        "description": "Unix seconds of the attempt; refuse messages more than 5 minutes off.",
        "schema": {"type": "string"},
        "example": "1790820900",
    },
    {
        "name": "webhook-signature",
        "in": "header",
        "required": True,
        "description": "`v1,<base64 HMAC-SHA256 of '{id}.{timestamp}.{body}'>` with the partner's `whsec_` secret.",
        "schema": {"type": "string"},
        "example": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
    },
]
_EXAMPLE_EXTRA: dict[str, Any] = {
    "too_late_to_book": {"earliest_date": "2026-10-09", "advance_working_days": 2},
    "fully_booked": {"date": "2026-10-09", "daily_capacity": 20},
    "clinic_closed": {"date": "2026-10-11", "opening_weekdays": [1, 2, 3, 4, 5], "holiday": None},
    "calendar_unknown": {"year": 2028, "date": "2028-01-05"},
    "illegal_transition": {"from_status": "cancelled", "to_status": "completed"},
    "answered_too_fast": {"seconds_remaining": 42, "min_seconds": 60},
    "identity_mismatch": {"attempts_left": 4},
    "session_locked": {"locked_until": "2026-09-28T10:30:00+08:00"},
    "link_expired": {"expired_at": "2026-10-28T10:00:00+08:00"},
    "validation_error": {"errors": [{"field": "date", "message": "Input should be a valid date", "type": "date"}]},
    "precondition_failed": {"current_etag": '"3f6a1c0e"'},
}


@dataclass(frozen=True)
class Op:
    """The documentation of one operation (see the module docstring)."""

    operation_id: str
    summary: str
    description: str
    audience: tuple[str, ...]
    domain: str
    problems: tuple[str, ...] = ()
    spec: str = ""  # e.g. "SPEC 4.2"
    request_example: Any = None
    response_example: Any = None
    idempotency_key: bool = False  # a POST served by vipkit.idempotency (Idempotency-Key)
    own_idempotency: bool = False  # the use case implements the key itself (not vipkit.idempotency)
    if_match: bool = False
    etag: bool = False
    created: bool = False  # an upsert (PUT): 201 when it created the resource, 200 when it updated it
    extra: dict[str, Any] = field(default_factory=dict)  # merged into the operation as is

    def __post_init__(self) -> None:
        unknown = [c for c in self.problems if c not in ERROR_CODES] if isinstance(self.problems, tuple) else "?"
        if unknown:
            raise ValueError(f"{self.operation_id}: problems must be a tuple of known codes, not {self.problems!r}")


def problem_example(code: str, detail: str | None = None) -> dict[str, Any]:
    entry = ERROR_CODES[code]
    body = {
        "type": f"https://vip.example.com/problems/{code.replace('_', '-')}",
        "title": code.replace("_", " ").capitalize(),
        "status": entry.status,
        "code": code,
        "detail": detail or entry.meaning,
        "request_id": "5f0c8a2e9b1d4c37a6e2f1b0c9d8e7a6",
    }
    body.update(_EXAMPLE_EXTRA.get(code, {}))
    return body


def problem_responses(codes: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """One response per status, listing its codes (with the Chinese message) and an example each."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(ERROR_CODES[code].status, []).append(code)
    responses: dict[str, Any] = {}
    for status, group in sorted(by_status.items()):
        lines = []
        for code in group:
            e = ERROR_CODES[code]
            extra = f" Extra fields: {', '.join(f'`{k}`' for k in e.extra)}." if e.extra else ""
            lines.append(f"- `{code}` ({e.message_zh}): {e.meaning}{extra}")
        headers: dict[str, Any] = {"X-Request-ID": REQUEST_ID_HEADER}
        if any(ERROR_CODES[c].headers for c in group):
            headers["Retry-After"] = RETRY_AFTER_HEADER
        responses[str(status)] = {
            "description": "\n".join(lines),
            "headers": headers,
            "content": {
                "application/problem+json": {
                    "schema": {
                        "allOf": [
                            {"$ref": PROBLEM_REF},
                            {"properties": {"code": {"enum": group, "description": "The codes of this status here."}}},
                        ]
                    },
                    "examples": {code: {"summary": code, "value": problem_example(code)} for code in group},
                }
            },
        }
    return responses


def _describe(op: Op) -> str:
    parts = [op.description.strip()]
    if op.spec:
        parts.append(f"*Rules:* {op.spec}.")
    if op.idempotency_key and not op.own_idempotency:
        parts.append(
            "*Idempotent:* send an `Idempotency-Key` (see the document's introduction): a retry with the same "
            "key and body gets the first 2xx answer again (`Idempotent-Replayed: true`), with no second effect; "
            "the same key with another body → 409 `conflict`; an error answer is not kept."
        )
    if op.if_match:
        parts.append(
            "*Concurrency:* send `If-Match` with the `ETag` of the version you read; a stale one → 412 "
            "`precondition_failed` (428 `precondition_required` when required and missing)."
        )
    return "\n\n".join(parts)


def _extra(op: Op, success: str) -> dict[str, Any]:
    extra: dict[str, Any] = copy.deepcopy(op.extra)
    parameters: list[dict[str, Any]] = []
    if op.idempotency_key:
        parameters.append(
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "description": "A unique key per intended action (a UUID); kept at least 24 h.",
                "schema": {"type": "string", "maxLength": 200},
                "example": "b9c7e3a0-6f5d-4e1b-9a7c-2d8e4f6a1b3c",
            }
        )
    if op.if_match:
        parameters.append(
            {
                "name": "If-Match",
                "in": "header",
                "required": False,
                "description": "The `ETag` of the version read (required when the platform is set to require it).",
                "schema": {"type": "string"},
                "example": '"3f6a1c0e"',
            }
        )
    if parameters:
        extra["parameters"] = [*extra.get("parameters", []), *parameters]
    responses = extra.setdefault("responses", {})
    responses.update(problem_responses(op.problems))
    if op.created:
        responses["201"] = {"description": "Created"}
    ok = responses.setdefault(success, {})
    headers = ok.setdefault("headers", {})
    headers["X-Request-ID"] = REQUEST_ID_HEADER
    if op.etag:
        headers["ETag"] = {"description": "The version of this resource, for `If-Match`.", "schema": {"type": "string"}}
    if op.response_example is not None:
        ok.setdefault("content", {}).setdefault("application/json", {})["examples"] = {
            "example": {"summary": op.summary, "value": op.response_example}
        }
    if op.request_example is not None:  # added to a body the Op documents itself (schema, description), if any
        body = extra.setdefault("requestBody", {}).setdefault("content", {}).setdefault("application/json", {})
        body["examples"] = {"example": {"summary": op.summary, "value": op.request_example}}
    return extra


def apply_operation_docs(app: FastAPI, routers: Sequence[APIRouter], docs: Mapping[str, Op]) -> list[re.Pattern[str]]:
    """Attach ``docs`` to the routes of ``routers`` (before they are included) and post-process the app's
    OpenAPI document (see module doc). Examples go in after FastAPI built the document (it drops nulls).
    Answers the path patterns of the POSTs ``vipkit.idempotency`` serves."""
    extras: dict[str, tuple[Op, str]] = {}
    idempotent: list[re.Pattern[str]] = []
    for route in (r for router in routers for r in router.routes):
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        op = docs.get(route.name)
        if op is None:
            continue
        document_route(route, op)
        extras[op.operation_id] = (op, str(route.status_code or 200))
        if op.idempotency_key and not op.own_idempotency and "POST" in (route.methods or ()):
            idempotent.append(route.path_regex)
    original: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = original()
        finish_document(document, extras)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
    return idempotent


def document_route(route: APIRoute, op: Op) -> None:
    route.operation_id = op.operation_id
    route.summary = op.summary
    route.description = _describe(op)
    route.tags = [*op.audience, op.domain]


def finish_document(document: dict[str, Any], extras: Mapping[str, tuple[Op, str]]) -> None:
    """The shared Problem schema, the operations' documented extras, tidy responses, examples."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = copy.deepcopy(PROBLEM_SCHEMA)
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for item in (document.get("paths") or {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and "responses" in operation:
                if operation.get("operationId") in extras:
                    _merge(operation, _extra(*extras[operation["operationId"]]))
                _tidy_responses(operation)
    fill_examples(document)


def _merge(target: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if key == "parameters":
            known = {(p.get("name"), p.get("in")) for p in target.get("parameters", [])}
            target.setdefault("parameters", []).extend(p for p in value if (p["name"], p["in"]) not in known)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _tidy_responses(operation: dict[str, Any]) -> None:
    """FastAPI's 422 is problem+json here; every error is problem+json; 200 and 201 of an upsert share
    their body; every response names ``X-Request-ID``."""
    responses = operation["responses"]
    ok, created = responses.get("200"), responses.get("201")
    if ok is not None and created is not None:
        for source, target in ((ok, created), (created, ok)):
            if source.get("content") and not target.get("content"):
                target["content"] = copy.deepcopy(source["content"])
                target.setdefault("headers", {}).update(copy.deepcopy(source.get("headers", {})))
    for status, response in responses.items():
        content = response.get("content") or {}
        if status == "422":
            content.pop("application/json", None)
            if not content:
                response.update(problem_responses(["validation_error"])["422"])
        elif status[0] in "45" and "application/problem+json" not in content:
            response["content"] = {"application/problem+json": {"schema": {"$ref": PROBLEM_REF}}}
        response.setdefault("headers", {}).setdefault("X-Request-ID", REQUEST_ID_HEADER)


HEALTH_DOCS = {
    "healthz": Op("getServiceHealth", "Liveness", "The service process answers.", (SERVICES,), "Health"),
    "readyz": Op(
        "getServiceReadiness",
        "Readiness",
        "Ready (200) when its database answers and holds this code's migrations; 503 with the failing "
        "checks otherwise. The broker and each consumer's partition assignment are reported (`broker`, "
        "`consumers`) but never gate: the outbox keeps writes going while Kafka is away.",
        (SERVICES,),
        "Health",
    ),
}
