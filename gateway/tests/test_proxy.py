"""The forwarding helpers (gateway/proxy.py) that need no upstream."""

from __future__ import annotations

import json

from gateway.proxy import problem_response, request_id_of


def test_a_sane_client_request_id_is_kept_anything_else_replaced() -> None:
    assert request_id_of("abc-123") == "abc-123"
    fresh = request_id_of("x" * 129)
    assert len(fresh) == 32 and fresh != request_id_of(None)
    assert request_id_of("bad\nid") != "bad\nid"


def test_problem_response_is_problem_json_with_its_code_and_headers() -> None:
    response = problem_response(
        429, "rate_limited", "slow down", "/api/v1/x", {"Retry-After": "2"}, retry_after_seconds=2
    )
    assert response.status == 429 and response.content_type == "application/problem+json"
    assert response.headers["Retry-After"] == "2"
    assert response.body is not None
    body = json.loads(bytes(response.body))  # type: ignore[arg-type]
    assert (body["code"], body["instance"], body["retry_after_seconds"]) == ("rate_limited", "/api/v1/x", 2)
