"""The merged OpenAPI document as a front-end or partner developer relies on it (issue: documented,
exemplified, consistent).

Built in-process exactly as the gateway merges it (``scripts/build_openapi.py``). Checks: every
route documented with a stable camelCase operationId, audience and domain tags, summary and
description; every example valid against its schema; every problem code the code base can raise is
in the error-code table and documented on at least one operation; SPEC 7.1's codes are all there;
``docs/error-codes.md`` is current.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from scripts.build_openapi import SERVICES, merged_document
from vipkit.error_codes import ERROR_CODES, render_markdown
from vipkit.testing import OpenApiValidator

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "put", "post", "delete", "patch")
SPEC_71_CODES = {
    "validation_error",
    "not_found",
    "unauthorized",
    "forbidden",
    "rate_limited",
    "too_late_to_book",
    "quota_exhausted",
    "not_entitled",
    "fully_booked",
    "clinic_closed",
    "calendar_unknown",
    "illegal_transition",
    "invalid_signature",
    "answered_too_fast",
    "identity_mismatch",
    "session_locked",
    "link_expired",
    "conflict",
}


@pytest.fixture(scope="module")
def merged() -> dict[str, Any]:
    return merged_document()


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in METHODS and isinstance(op, dict)
    ]


def test_every_route_of_every_service_has_its_docs() -> None:
    from vipkit.settings import CommonSettings

    common = CommonSettings(env="dev", kafka_enabled=False, scheduler="off")
    missing = []
    for name in SERVICES:
        app = importlib.import_module(f"services.{name}.main").create_app(common=common)
        docs = importlib.import_module(f"services.{name}.openapi_docs").DOCS
        routes = [r for router in app.state.spec.routers for r in router.routes if isinstance(r, APIRoute)]
        for route in routes:
            if route.include_in_schema and route.name not in docs:
                missing.append(f"{name}: {route.name} ({route.path})")
        unknown = set(docs) - {route.name for route in routes}
        assert not unknown, f"{name}: docs for routes that do not exist: {unknown}"
    assert not missing, "routes without an Op in openapi_docs.py:\n" + "\n".join(missing)


def test_operations_have_ids_tags_summaries_descriptions_and_client_errors(merged: dict[str, Any]) -> None:
    ids = []
    audiences = {t["name"] for t in merged["tags"][:5]}
    for method, path, op in operations(merged):
        where = f"{method.upper()} {path}"
        assert re.fullmatch(r"[a-z]+[A-Za-z0-9]*", op.get("operationId", "")), where
        ids.append(op["operationId"])
        assert op.get("summary") and op.get("description"), where
        assert len(op["tags"]) >= 2 and set(op["tags"]) & audiences, where
        assert any(s.startswith("4") for s in op["responses"]), where
        for status, response in op["responses"].items():
            if "$ref" not in response:
                assert "X-Request-ID" in response.get("headers", {}), f"{where} {status}: no X-Request-ID"
        if method == "post" and op["operationId"] not in ("importPolicies", "receivePartnerWebhook"):
            names = {p["name"] for p in op.get("parameters", [])}
            assert "Idempotency-Key" in names, f"{where}: a POST without Idempotency-Key (SPEC 7)"
    assert len(ids) == len(set(ids)), "duplicate operationIds"
    assert {"createBooking", "cancelBooking", "getCustomerTier", "createRevisitSession"} <= set(ids)
    rate_limited = merged["components"]["responses"]["RateLimited"]
    assert "Retry-After" in rate_limited["headers"]


def _examples(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example value) for every example of every media type, operations and webhooks."""
    found = []
    sections = [("paths", doc["paths"]), ("webhooks", doc.get("webhooks", {}))]
    for section, items in sections:
        for path, item in items.items():
            for method, op in item.items():
                if method not in METHODS:
                    continue
                medias = [("request", (op.get("requestBody") or {}).get("content") or {})]
                medias += [(status, (r.get("content") or {})) for status, r in op["responses"].items()]
                for status, content in medias:
                    for media_type, media in content.items():
                        for name, example in (media.get("examples") or {}).items():
                            if "schema" in media and media_type.endswith("json"):
                                where = f"{section} {method.upper()} {path} {status} {name}"
                                found.append((where, media["schema"], example["value"]))
    return found


def test_every_example_is_valid_against_its_schema(merged: dict[str, Any]) -> None:
    validator = OpenApiValidator(merged)
    examples = _examples(merged)
    assert len(examples) > 100
    bad = []
    for where, schema, value in examples:
        errors = validator.errors(schema, value)
        if errors:
            bad.append(f"{where}: {errors[0]}")
    assert not bad, "\n".join(bad[:20])


def _raised_codes() -> set[str]:
    """Every problem code the code base can answer, collected from its source."""
    codes: set[str] = set()
    patterns = (
        re.compile(r'^\s+code = "([a-z_]+)"', re.M),  # Problem subclasses
        re.compile(r'code="([a-z_]+)"'),  # Problem(..., code="...")
        re.compile(r'problem_response\(\s*\d{3},\s*"([a-z_]+)"'),  # the gateway's own
        re.compile(r'^\s+\d{3}: "([a-z_]+)",$', re.M),  # status -> code maps (vipkit.problems)
    )
    for folder in ("services", "gateway", "vipkit"):
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in patterns:
                codes.update(pattern.findall(text))
    return codes


def _codes_of_error_responses(document: dict[str, Any]) -> set[str]:
    """The problem codes the operations' 4xx/5xx responses document (their examples and `code` enums;
    a `$ref` to a shared response of the gateway resolved), not codes merely quoted elsewhere."""
    shared = document["components"].get("responses", {})
    codes: set[str] = set()
    for item in document["paths"].values():
        for operation in (op for op in item.values() if isinstance(op, dict) and "responses" in op):
            for status, response in operation["responses"].items():
                if "$ref" in response:
                    response = shared[response["$ref"].rsplit("/", 1)[1]]
                if status[0] not in "45":
                    continue
                for media in (response.get("content") or {}).values():
                    codes.update(
                        e["value"]["code"] for e in (media.get("examples") or {}).values() if "code" in e["value"]
                    )
                    for part in media.get("schema", {}).get("allOf", []):
                        codes.update(part.get("properties", {}).get("code", {}).get("enum", []))
    return codes


def test_every_code_the_code_raises_is_in_the_table_and_documented(merged: dict[str, Any]) -> None:
    raised = _raised_codes()
    assert {"too_late_to_book", "answered_too_fast", "rate_limited", "invalid_signature", "internal_error"} <= raised
    assert raised <= set(ERROR_CODES), f"not in vipkit.error_codes: {raised - set(ERROR_CODES)}"
    documented = _codes_of_error_responses(merged)
    assert raised <= documented, f"raised but documented on no operation's error responses: {raised - documented}"
    assert set(ERROR_CODES) <= documented, f"in the table, on no operation: {set(ERROR_CODES) - documented}"


def test_spec_71_codes_are_all_in_the_table() -> None:
    spec = ROOT.parent / "shared" / "SPEC.md"
    codes = set(SPEC_71_CODES)
    if spec.exists():
        section = spec.read_text(encoding="utf-8").split("Error codes (problem+json `code`):", 1)[1].split("- ", 1)[0]
        codes = set(re.findall(r"[a-z_]+", section))
        assert codes == SPEC_71_CODES
    assert codes <= set(ERROR_CODES)
    for code in ERROR_CODES.values():
        assert re.search(r"[\u4e00-\u9fff]", code.message_zh), f"{code.code}: the message must be Chinese"


def test_error_code_markdown_is_current() -> None:
    assert (ROOT / "docs" / "error-codes.md").read_text(encoding="utf-8") == render_markdown(), (
        "run: python -m vipkit.error_codes > docs/error-codes.md"
    )


def test_webhooks_section_documents_the_outbound_messages(merged: dict[str, Any]) -> None:
    hooks = merged["webhooks"]
    assert set(hooks) == {"bookingRequested", "bookingCancelled"}
    for hook in hooks.values():
        post = hook["post"]
        assert {p["name"] for p in post["parameters"]} == {"webhook-id", "webhook-timestamp", "webhook-signature"}
        assert "27.6 h" in post["description"] and "2xx" in post["description"]
    inbound = merged["paths"]["/api/v1/partners/{partner_id}/webhooks"]["post"]
    assert "invalid_signature" in json.dumps(inbound["responses"])
    assert inbound["requestBody"]["content"]["application/json"]["examples"]


# Lists that stay whole by design (docs/api-conventions.md, Pagination): bounded by the program or the calendar.
BOUNDED_LISTS = {
    "listWorkingDays": "a date range of at most 367 days",
    "listRelatives": "at most the program's number of designated relatives",
    "listCustomerRevisits": "a customer's open revisits (one per new policy in its cooling-off period)",
    "listErrorCodes": "the fixed table of codes",
    "listReservations": "the reservations of one booking (internal)",
}


def test_every_list_pages_the_same_way(merged: dict[str, Any]) -> None:
    """One pagination style (vipkit.pagination): every GET answering a list of `items` takes `limit` (with a
    maximum) and `cursor` and answers `next_cursor`, unless it is bounded by design; no GET answers a bare
    array (it could neither page nor grow a field)."""
    schemas = merged["components"]["schemas"]
    unpaged, bare = [], []
    for path, item in merged["paths"].items():
        operation = item.get("get")
        if not operation:
            continue
        schema = operation["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
        if "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
        if schema.get("type") == "array":
            bare.append(path)
        params = {p["name"]: p for p in operation.get("parameters", [])}
        if "items" in schema.get("properties", {}) and operation["operationId"] not in BOUNDED_LISTS:
            limit = params.get("limit", {}).get("schema", {})
            if "cursor" not in params or "maximum" not in limit or "next_cursor" not in schema["properties"]:
                unpaged.append(operation["operationId"])
    assert not bare, f"GETs answering a bare array: {bare}"
    assert not unpaged, f"lists without limit (and a maximum) + cursor + next_cursor: {unpaged}"
