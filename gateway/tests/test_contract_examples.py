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

import booking_example
import httpx
import pytest
import pytest_asyncio
from standardwebhooks.webhooks import Webhook
from vip_platform_client import AuthenticatedClient
from vip_platform_client.api.customer_app import get_customer_tier, list_clinics
from vip_platform_client.api.ops_console import upsert_clinic, upsert_partner, upsert_policy
from vip_platform_client.models import (
    ClinicList,
    ClinicWrite,
    GetCustomerTierResponse404,
    PartnerRead,
    PartnerWrite,
    PolicyDocument,
    PolicyRead,
    TierRead,
    UpsertClinicResponse412,
)
from vip_platform_client.types import UNSET

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


async def test_the_generated_python_client_drives_the_platform_through_the_gateway(clock_gateway: str) -> None:
    """The typed client (clients/python, generated from the merged document) against the running platform:
    typed bodies built from the documented examples, typed answers, cursor paging by ``next_cursor``,
    problems parsed into per-status models, and the booking example's Chinese messages."""
    suffix = uuid.uuid4().hex[:8]
    partner_id, clinic_id, customer_id = f"py-{suffix}", f"py-{suffix}-sh", f"CPY{suffix}"
    ops = AuthenticatedClient(
        base_url=clock_gateway, token=token("ops-client", "ops"), headers={"X-Test-Now": NOW}, timeout=httpx.Timeout(60)
    )
    me = AuthenticatedClient(
        base_url=clock_gateway, token=token(customer_id), headers={"X-Test-Now": NOW}, timeout=httpx.Timeout(60)
    )
    async with ops, me:
        document = (await ops.get_async_httpx_client().get("/openapi.json")).json()

        def example(path: str, method: str) -> dict[str, Any]:
            value: dict[str, Any] = _example(
                document["paths"][path][method]["requestBody"]["content"]["application/json"]
            )
            return value

        partner = await upsert_partner.asyncio_detailed(
            partner_id, client=ops, body=PartnerWrite.from_dict(example("/api/v1/partners/{partner_id}", "put"))
        )
        assert partner.status_code == 201 and isinstance(partner.parsed, PartnerRead)
        assert partner.parsed.partner_id == partner_id and partner.parsed.name == "美年大健康"
        clinic_doc = example("/api/v1/clinics/{clinic_id}", "put")
        services = [*clinic_doc["services"], {"service_code": "checkup_discount", "daily_capacity": 5, "packages": []}]
        clinic_body = ClinicWrite.from_dict({**clinic_doc, "partner_id": partner_id, "services": services})
        clinic = await upsert_clinic.asyncio_detailed(clinic_id, client=ops, body=clinic_body)
        assert clinic.status_code == 201, clinic.content
        stale = await upsert_clinic.asyncio(clinic_id, client=ops, body=clinic_body, if_match='"stale"')
        assert isinstance(stale, UpsertClinicResponse412) and stale.code == "precondition_failed"

        seen: list[str] = []
        cursor: str | None = None
        for _ in range(50):  # every page, by the typed next_cursor
            page = await list_clinics.asyncio(client=me, limit=1, cursor=cursor if cursor else UNSET)
            assert isinstance(page, ClinicList) and len(page.items) <= 1
            seen += [c.clinic_id for c in page.items]
            if not isinstance(page.next_cursor, str):
                break
            cursor = page.next_cursor
        assert clinic_id in seen and len(seen) == len(set(seen))

        policy = example("/api/v1/policies/{policy_no}", "put")
        for person in ("holder", "insured"):
            policy[person] = {**policy[person], "customer_id": customer_id}
        stored = await upsert_policy.asyncio(f"P{suffix}", client=ops, body=PolicyDocument.from_dict(policy))
        assert isinstance(stored, PolicyRead) and stored.holder.mobile == "138****8000"
        tier = await get_customer_tier.asyncio(customer_id, client=me)
        assert isinstance(tier, TierRead) and tier.customer_id == customer_id
        other = await get_customer_tier.asyncio("C1001", client=me)  # another customer's tier: 404, typed
        assert isinstance(other, GetCustomerTierResponse404) and other.code == "not_found"

        messages = await booking_example.chinese_messages(me)
        assert messages["quota_exhausted"] == "您本期的服务次数已用完"
        # stars' checkup: 3 working days' notice; asked on Mon 2026-09-28, the National Day days off skipped (SPEC 4.2)
        too_soon = await booking_example.book(
            me, customer_id, "checkup_discount", clinic_id, dt.date(2026, 9, 30), messages
        )
        assert too_soon == booking_example.Refused(
            "too_late_to_book", "所选日期已无法预约，请选择2026-10-08或之后的日期", dt.date(2026, 10, 8)
        )
        later = await booking_example.book(
            me, customer_id, "checkup_discount", clinic_id, dt.date(2026, 10, 9), messages
        )
        # no broker in this stack: the tier never reaches entitlements, so the booking is refused as documented
        assert isinstance(later, booking_example.Refused) and later.message == messages[later.code]
