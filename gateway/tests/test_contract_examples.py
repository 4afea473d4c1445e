"""Every operation's documented example, driven against the running platform, answers as documented.

The real services (each on its own port and database) behind the real gateway with the test clock
on. For every operation of the merged ``/openapi.json`` (setup operations first, so that the
examples build on each other: the example partner, its clinic, the example policy...), the request
is made of what the document says: the request body's example, path and query values of the
examples, a fresh ``Idempotency-Key`` on POSTs, the partner webhook signed with the example
partner's secret. The answer must have a documented status and its body must validate against the
documented schema of that status. Operations of the setup chain must succeed; the others may
answer a documented problem (this stack runs without a broker, so no tier reaches entitlements and
the examples' ids of later steps mostly do not exist) — what is checked is that the answer is one
the document promises, with the promised shape.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from standardwebhooks.webhooks import Webhook

from gateway.tests.conftest import gateway_common, run_gateway, token
from vipkit.testing import OpenApiValidator, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="module")

NOW = "2026-09-28T10:00:00+08:00"
# Values of path and query parameters, as in the examples (captured ones replace them as they appear).
VALUES: dict[str, str] = {
    "partner_id": "meinian",
    "clinic_id": "meinian-sh-jingan",
    "customer_id": "C1001",
    "policy_no": "P2026050800001",
    "year": "2027",
    "date": "2027-10-09",
    "booking_id": "B7Q2M4X9K1",
    "relative_id": "R1",
    "service_code": "dental_cleaning",
    "task_id": "T5J2Q7W1",
    "session_id": "S3V8N2K5",
    "item_id": "1",
    "delivery_id": "msg_2f1c9b7e4a6d4e0b8c3a5f7d9e1b2c4a",
    "notification_id": "1",
    "reservation_id": "R9F3K2D8",
    "request_id": "SO1",
    "step": "contacted",
    "token": "kQ2d8R5wT1xYzA7",
    "from": "2026-10-01",
    "to": "2026-10-10",
    "reference": "B7Q2M4X9K1",
}
# The chain that must succeed (2xx), in this order, before everything else.
MUST_SUCCEED = [
    "listErrorCodes",
    "getGatewayHealth",
    "upsertPartner",
    "getPartner",
    "upsertClinic",
    "getClinic",
    "listClinics",
    "putCalendarYear",
    "getCalendarYear",
    "listCalendarYears",
    "listWorkingDays",
    "putCalendarOverride",
    "upsertPolicy",
    "getPolicy",
    "getCustomerTier",
    "getCustomerTierHistory",
    "listTiers",
    "getCatalog",
    "getCustomerEntitlements",
    "listRelatives",
    "listWebhookDeliveries",
    "listRevisits",
    "listPhoneQueue",
    "listNotifications",
    "runRevisits",
]
LAST = ["deleteCalendarOverride", "cancelBooking", "abortRevisitSession"]
# Captured from answers: (operationId, where in the body) -> parameter
CAPTURE: dict[str, list[tuple[str, tuple[Any, ...]]]] = {
    "createBooking": [("booking_id", ("booking_id",)), ("reference", ("booking_id",))],
    "listRevisits": [("task_id", ("items", 0, "task_id"))],
    "listNotifications": [("notification_id", ("items", 0, "id"))],
    "listWebhookDeliveries": [("delivery_id", ("items", 0, "delivery_id"))],
    "createSecondOpinion": [("request_id", ("request_id",))],
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def clock_gateway(services_stack: dict[str, str]) -> AsyncIterator[str]:
    async with run_gateway(services_stack, gateway_common(test_clock=True), rate_limit_enabled=False) as (url, _):
        yield url


def _example(media: dict[str, Any]) -> Any:
    if "examples" in media:
        return next(iter(media["examples"].values()))["value"]
    return media.get("example")


def _dig(body: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        if isinstance(step, int):
            if not isinstance(body, list) or len(body) <= step:
                return None
        elif not isinstance(body, dict) or step not in body:
            return None
        body = body[step]
    return body


def _request(method: str, path: str, op: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    url = path
    params: dict[str, str] = {}
    headers = {"X-Test-Now": NOW}
    for param in op.get("parameters", []):
        name, where = param["name"], param["in"]
        if where == "path":
            url = url.replace("{" + name + "}", values.get(name, "x"))
        elif where == "query" and param.get("required") and name in values:
            params[name] = values[name]
    if method == "post":
        headers["Idempotency-Key"] = str(uuid.uuid4())
    access = op.get("x-gateway-access")
    if access == "customer":
        headers["Authorization"] = f"Bearer {token(values['customer_id'])}"
    elif access != "public":
        headers["Authorization"] = f"Bearer {token('ops-contract', 'ops')}"
    request: dict[str, Any] = {"method": method.upper(), "url": url, "params": params, "headers": headers}
    content = (op.get("requestBody") or {}).get("content") or {}
    for media_type, media in content.items():
        value = _example(media)
        if value is None:
            continue
        if isinstance(value, str):
            request["content"] = value.encode()
        else:
            value = json.loads(json.dumps(value).replace("B7Q2M4X9K1", values["booking_id"]))
            request["content"] = json.dumps(value, ensure_ascii=False).encode()
        headers["Content-Type"] = media_type
        break
    return request


def _sign(request: dict[str, Any], secret: str) -> None:
    msg_id = f"msg_{uuid.uuid4().hex}"
    now = dt.datetime.now(dt.UTC)
    body = request["content"].decode()
    request["headers"].update(
        {
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(secret).sign(msg_id, now, body),
        }
    )
    request["headers"].pop("Authorization", None)


async def test_every_documented_example_answers_as_documented(clock_gateway: str) -> None:
    async with httpx.AsyncClient(base_url=clock_gateway, timeout=60) as client:

        async def complete_document() -> dict[str, Any] | None:
            doc: dict[str, Any] = (await client.get("/openapi.json")).json()
            return None if "x-upstreams-unavailable" in doc["info"] else doc

        # an upstream still starting is retried by the gateway after openapi_retry_seconds
        document = await wait_for(complete_document, timeout=60, interval=0.5, what="every service documented")
        validator = OpenApiValidator(document)
        operations = {
            op["operationId"]: (method, path, op)
            for path, item in document["paths"].items()
            for method, op in item.items()
            if isinstance(op, dict) and "operationId" in op
        }
        order = [o for o in MUST_SUCCEED if o in operations]
        order += [o for o in operations if o not in order and o not in LAST] + [o for o in LAST if o in operations]
        assert set(MUST_SUCCEED) <= set(operations)
        partner_secret = _example(operations["upsertPartner"][2]["requestBody"]["content"]["application/json"])[
            "secret"
        ]
        values = dict(VALUES)
        problems: list[str] = []
        outcomes: dict[str, int] = {}
        for operation_id in order:
            method, path, op = operations[operation_id]
            request = _request(method, path, op, values)
            if operation_id == "receivePartnerWebhook":
                _sign(request, partner_secret)
            response = await client.request(**request)
            outcomes[operation_id] = response.status_code
            documented = validator.response(op, response.status_code)
            where = f"{operation_id} ({method.upper()} {path}) -> {response.status_code}"
            if documented is None:
                problems.append(f"{where}: status not documented: {response.text[:300]}")
                continue
            if operation_id in MUST_SUCCEED and not 200 <= response.status_code < 300:
                problems.append(f"{where}: the setup chain must succeed: {response.text[:300]}")
            content_type = response.headers.get("content-type", "").split(";")[0]
            media = (documented.get("content") or {}).get(content_type)
            if response.status_code != 204 and content_type.endswith("json"):
                if media is None:
                    problems.append(f"{where}: content type {content_type} not documented")
                    continue
                errors = validator.errors(media["schema"], response.json())
                if errors:
                    problems.append(f"{where}: body does not match the documented schema: {errors[:3]}")
                    continue
                for name, body_path in CAPTURE.get(operation_id, []):
                    found = _dig(response.json(), body_path)
                    if found is not None:
                        values[name] = str(found)
            if "x-request-id" not in response.headers:
                problems.append(f"{where}: no X-Request-ID")
    print("\n".join(f"{k}: {v}" for k, v in outcomes.items()))
    assert len(outcomes) == len(operations)
    assert not problems, "\n".join(problems)
