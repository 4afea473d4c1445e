"""What the merged OpenAPI document says beyond the services' own documents.

- The introduction: authentication, errors, idempotency keys, pagination and ETags, once for all.
- The outbound partner webhooks (``booking.requested``, ``booking.cancelled``) as an OpenAPI 3.1
  ``webhooks`` section: the payload, the Standard Webhooks headers, the retry schedule and what
  the clinic must answer (SPEC 4.3).
- The gateway's own ``GET /api/v1/error-codes`` (code → Chinese message, ``vipkit.error_codes``).
- The audience tags (customer app, ops, partner, link holder) with their descriptions.
"""

from __future__ import annotations

from typing import Any

from vipkit.error_codes import error_code_table
from vipkit.openapi_docs import AUDIENCES, REQUEST_ID_HEADER, STANDARD_WEBHOOK_HEADERS

INTRODUCTION = """Every service of the VIP platform behind one gateway (SPEC 7).

**Authentication.** A JWT bearer token with `sub` (customer number or staff id) and `role`
(`customer` | `ops`). Customers may only touch their own `customer_id`: anything else answers 404
(not 403, to avoid enumeration). Partners authenticate by webhook signature only.

**Errors.** RFC 9457 `application/problem+json` with a stable `code`; `detail` is English for
developers. Show the Chinese message of `GET /api/v1/error-codes` (also `docs/error-codes.md`). Every
answer carries `X-Request-ID`; quote it to support. Over the rate limit → 429 `rate_limited` with
`Retry-After` (seconds).

**Idempotency-Key.** Every POST that changes something accepts an `Idempotency-Key` header (a UUID
per intended action). A retry with the same key and the same body gets the first 2xx answer again
(same status and body, header `Idempotent-Replayed: true`, no second effect); the same key with
another body → 409 `conflict`; a retry while the first call still runs → 409 `conflict` (retry
shortly). An error answer is not kept: a retry after it runs again. Keys are scoped to the caller
and kept 48 hours (at least 24). Exceptions: the partner webhook deduplicates on `webhook-id`; the
bulk policy import is an upsert by `policy_no` (safe to repeat); the internal reservation endpoint
requires the key and answers a retry with the same reservation.

**Lists.** Every growing list answers `{"items": [...], "next_cursor": ...}`: pass `next_cursor`
back as `cursor` (with the same filters) for the next page until it is null. `limit` is 1..200
(default 50; 1..5000 for the internal `/api/v1/tiers`); more is a 422, never a silent cap. Cursors
are opaque and belong to one list (another list's cursor is a 422). Bounded views answer complete
lists without paging: a customer's entitlements (one per catalog service), relatives (at most the
program's count), tier history and ledger (one customer's own changes), open revisits, calendar
years and a working-day range (at most 367 days).

**Concurrent edits.** Reads of ops-managed resources (partners, clinics, calendar years, a customer's
relatives) answer an `ETag`; send it back as `If-Match` on the PUT. A stale one (someone changed the
resource since you read it) → 412 `precondition_failed` with `current_etag`: read again, re-apply,
retry. When the platform requires the header (`VIP_REQUIRE_IF_MATCH=1`) and a change of an existing
resource comes without it → 428 `precondition_required`. For relatives, `If-Match` is the `ETag` of
`GET /api/v1/customers/{customer_id}/relatives`.

**Partners.** The `webhooks` section lists what the platform sends to clinics; `docs/partners.md`
is the integration guide with a signing example.

**Test clock.** With `VIP_TEST_CLOCK=1`, the header `X-Test-Now` sets "now" for a request (SPEC 7.3).
"""

_BOOKING_DATA = {
    "type": "object",
    "required": ["booking_id", "clinic_id", "service_code", "date", "customer_id", "status"],
    "properties": {
        "booking_id": {"type": "string", "description": "The platform's booking id."},
        "clinic_id": {"type": "string", "description": "The clinic booked, as the partner configured it."},
        "service_code": {"type": "string", "description": "SPEC 7.1 service code."},
        "date": {"type": "string", "format": "date", "description": "The appointment date."},
        "package_code": {"type": ["string", "null"], "description": "The package chosen, or null."},
        "customer_id": {"type": "string", "description": "The insurer's customer id (the policyholder)."},
        "beneficiary_id": {"type": ["string", "null"], "description": "A designated relative, or null."},
        "contact_mobile": {"type": ["string", "null"], "description": "The mobile to call (full number)."},
        "status": {"type": "string", "description": "The booking status when sent."},
        "reason": {"type": "string", "description": "Cancellations: why."},
    },
}


def _webhook(event: str, summary: str, description: str, status: str) -> dict[str, Any]:
    example = {
        "type": event,
        "timestamp": "2026-09-30T09:15:00+08:00",
        "data": {
            "booking_id": "B7Q2M4X9K1",
            "clinic_id": "meinian-sh-jingan",
            "service_code": "dental_cleaning",
            "date": "2026-10-09",
            "package_code": None,
            "customer_id": "C1001",
            "beneficiary_id": None,
            "contact_mobile": "13800138000",
            "status": status,
        },
    }
    return {
        "post": {
            "operationId": "on" + "".join(p.capitalize() for p in event.replace(".", "_").split("_")),
            "summary": summary,
            "description": description
            + "\n\nSent to the partner's `webhook_url`, signed per Standard Webhooks. **Answer 2xx** within 5 s "
            "once you have stored it; anything else (or no answer) is retried after 5 s, 5 min, 30 min, 2 h, "
            "5 h, 10 h and 10 h (about 27.6 h in all), then marked failed and shown to ops. Retries keep the "
            "same `webhook-id`: deduplicate on it. Messages of one booking may arrive out of order after "
            "retries: use `timestamp` and the booking status.",
            "tags": ["Partner clinics", "Partner webhooks"],
            "parameters": STANDARD_WEBHOOK_HEADERS,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["type", "timestamp", "data"],
                            "properties": {
                                "type": {"type": "string", "const": event, "description": "The event type."},
                                "timestamp": {
                                    "type": "string",
                                    "format": "date-time",
                                    "description": "When the event happened (order messages of a booking by it).",
                                },
                                "data": {**_BOOKING_DATA, "description": "The booking as it is now."},
                            },
                        },
                        "examples": {"example": {"summary": summary, "value": example}},
                    }
                },
            },
            "responses": {
                "200": {"description": "Stored by the clinic (any 2xx)."},
                "400": {"description": "Refused by the clinic: the platform retries on the schedule above."},
            },
        }
    }


WEBHOOKS: dict[str, Any] = {
    "bookingRequested": _webhook(
        "booking.requested",
        "A booking to confirm or reject",
        "A customer booked one of your clinics. Confirm or reject it by calling "
        "`POST /api/v1/partners/{partner_id}/webhooks` with `booking.confirmed` or `booking.rejected`.",
        "pending",
    ),
    "bookingCancelled": _webhook(
        "booking.cancelled",
        "A booking was cancelled",
        "The customer or ops cancelled a booking; free the place.",
        "cancelled",
    ),
}

ERROR_CODES_PATH: dict[str, Any] = {
    "get": {
        "operationId": "listErrorCodes",
        "tags": ["Customer app", "Ops console", "Partner clinics", "Reference"],
        "summary": "Error codes with their Chinese messages",
        "description": "Every problem `code` the platform answers, with its HTTP status, the Simplified Chinese "
        "message a front-end shows, its meaning and extra fields (SPEC 7.1). Public; cache it.",
        "security": [],
        "x-gateway-access": "public",
        "responses": {
            "200": {
                "description": "The table",
                "headers": {"X-Request-ID": REQUEST_ID_HEADER},
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["items"],
                            "properties": {
                                "items": {
                                    "description": "Every code, by status and name.",
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["code", "status", "message_zh", "meaning"],
                                        "properties": {
                                            "code": {"type": "string", "description": "The stable `code`."},
                                            "status": {"type": "integer", "description": "Its HTTP status."},
                                            "message_zh": {
                                                "type": "string",
                                                "description": "What to show, in Chinese; `{field}` = an extra field.",
                                            },
                                            "meaning": {"type": "string", "description": "What it means (English)."},
                                            "extra_fields": {
                                                "type": "object",
                                                "additionalProperties": {"type": "string"},
                                                "description": "Extra fields of the problem body and their meaning.",
                                            },
                                            "headers": {
                                                "type": "array",
                                                "items": {"type": "string"},
                                                "description": "Response headers that come with it (`Retry-After`).",
                                            },
                                        },
                                    },
                                }
                            },
                        },
                        "examples": {"example": {"summary": "The table", "value": error_code_table()}},
                    }
                },
            },
            "405": {"$ref": "#/components/responses/MethodNotAllowed"},
        },
    }
}

AUDIENCE_TAGS = [{"name": name, "description": text} for name, text in AUDIENCES.items()]


def _gateway_operation(
    operation_id: str, summary: str, description: str, ok: str, example: dict[str, Any], extra: dict[str, Any]
) -> dict[str, Any]:
    schema = {"type": "object", "additionalProperties": True}
    responses: dict[str, Any] = {
        "200": {
            "description": ok,
            "headers": {"X-Request-ID": REQUEST_ID_HEADER},
            "content": {
                "application/json": {"schema": schema, "examples": {"example": {"summary": ok, "value": example}}}
            },
        },
        "405": {"$ref": "#/components/responses/MethodNotAllowed"},
    }
    responses.update(extra)
    return {
        "get": {
            "operationId": operation_id,
            "tags": ["Ops console", "gateway"],
            "summary": summary,
            "description": description,
            "security": [],
            "x-gateway-access": "public",
            "responses": responses,
        }
    }


_READY = {"status": "ready", "service": "gateway", "pid": 4242, "degraded": [], "checks": {}, "upstreams": {}}
GATEWAY_PATHS: dict[str, Any] = {
    "/healthz": _gateway_operation(
        "getGatewayHealth", "Liveness", "The gateway process answers.", "Alive", {"status": "ok"}, {}
    ),
    "/readyz": _gateway_operation(
        "getGatewayReadiness",
        "Readiness",
        "Ready when the gateway can take traffic. Each upstream's readiness (and Redis, when configured) "
        "is reported under `upstreams`/`checks` and listed in `degraded`, but never gates: an upstream "
        "that is down answers 503 `service_unavailable` on its own routes only.",
        "Ready",
        _READY,
        {},
    ),
}
