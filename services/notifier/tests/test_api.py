"""HTTP contract (SPEC 7, ``GET /api/v1/notifications``): ops only, full text, mobile masked, attempts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.notifier import service
from services.notifier.main import create_app
from services.notifier.settings import NotifierSettings
from services.notifier.tests.conftest import MASKED, MOBILE, TEXT, make_event, new_customer, notifier_settings
from vipkit.auth import mint_token
from vipkit.db import Database
from vipkit.pagination import encode_cursor
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, app_client, assert_forged_cursors_refused, wait_for

COMMON = CommonSettings(env="test", jwt_secret=TEST_JWT_SECRET, test_clock=True, scheduler="off", kafka_enabled=False)
OPS = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret=TEST_JWT_SECRET)}"}


@pytest.fixture
async def app(db_url: str) -> FastAPI:
    return create_app(notifier_settings(db_url), COMMON)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(app) as http:
        yield http


async def request(app: FastAPI, customer_id: str, **overrides: Any) -> str:
    """What the consumer does for one ``notification.requested.v1``; returns the event id."""
    event = make_event(customer_id, **overrides)
    db: Database = app.state.db
    async with db.sessionmaker() as session, session.begin():
        await service.store_requested(session, event)
    return event.id


async def list_for(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/api/v1/notifications", params=params, headers=OPS)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_ops_list_shows_channel_full_text_time_status_attempts_and_the_mobile_masked(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    customer = new_customer()
    event_id = await request(app, customer)

    async def sent() -> dict[str, Any] | None:
        items = (await list_for(client, customer_id=customer))["items"]
        return items[0] if items and items[0]["status"] == "sent" else None

    item = await wait_for(sent, timeout=10, what="the worker to send")
    assert item["event_id"] == event_id and item["customer_id"] == customer
    assert (item["channel"], item["template"], item["source_service"]) == ("sms", "revisit_first_sms", "revisit")
    assert item["text"] == TEXT
    assert item["mobile"] == MASKED  # 13800138000 → 138****8000
    assert item["created_at"].endswith("+08:00") and item["sent_at"].endswith("+08:00")
    assert item["attempt_count"] == 1
    [attempt] = item["attempts"]
    assert (attempt["adapter"], attempt["outcome"], attempt["attempt_no"]) == ("sink-sms", "sent", 1)
    one = await client.get(f"/api/v1/notifications/{item['id']}", headers=OPS)
    assert one.status_code == 200 and one.json() == item


async def test_no_full_mobile_number_in_any_response(app: FastAPI, client: httpx.AsyncClient) -> None:
    customer = new_customer()
    await request(app, customer, text="您好，如有疑问请回电13912345678。", mobile=MOBILE)
    body = (await client.get("/api/v1/notifications", params={"customer_id": customer}, headers=OPS)).text
    assert MOBILE not in body and "13912345678" not in body
    assert MASKED in body and "139****5678" in body


async def test_filters_by_customer_channel_template_and_pages_newest_first(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    customer, other = new_customer(), new_customer()
    sms1 = await request(app, customer, template="booking_confirmed")
    wechat = await request(app, customer, channel="wechat", template="tier_upgrade")
    sms2 = await request(app, customer, template="booking_reminder")
    await request(app, other)

    ids = lambda body: [i["event_id"] for i in body["items"]]  # noqa: E731
    assert ids(await list_for(client, customer_id=customer)) == [sms2, wechat, sms1]
    assert ids(await list_for(client, customer_id=customer, channel="sms")) == [sms2, sms1]
    assert ids(await list_for(client, customer_id=customer, channel="wechat")) == [wechat]
    assert ids(await list_for(client, customer_id=customer, template="booking_reminder")) == [sms2]
    page1 = await list_for(client, customer_id=customer, limit=2)
    assert ids(page1) == [sms2, wechat] and page1["next_cursor"] is not None
    page2 = await list_for(client, customer_id=customer, limit=2, cursor=page1["next_cursor"])
    assert ids(page2) == [sms1] and page2["next_cursor"] is None


async def test_customers_get_403_and_anonymous_callers_401(app: FastAPI, client: httpx.AsyncClient) -> None:
    customer = new_customer()
    await request(app, customer)
    own = {"Authorization": f"Bearer {mint_token(customer, 'customer', secret=TEST_JWT_SECRET)}"}
    for path in ("/api/v1/notifications", "/api/v1/notifications/1"):
        forbidden = await client.get(path, params={"customer_id": customer}, headers=own)
        assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
        assert forbidden.headers["content-type"].startswith("application/problem+json")
        anonymous = await client.get(path)
        assert anonymous.status_code == 401 and anonymous.json()["code"] == "unauthorized"
    # internal (service-to-service) credentials are accepted only on the internal routes that name
    # the caller; the notifications list is for ops staff
    service_token = {"Authorization": f"Bearer {mint_token('revisit', 'service', secret=TEST_JWT_SECRET)}"}
    assert (await client.get("/api/v1/notifications", headers=service_token)).status_code == 403


async def test_unknown_notification_is_404_and_bad_filters_422(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/v1/notifications/999999", headers=OPS)
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    bad = await client.get("/api/v1/notifications", params={"channel": "email"}, headers=OPS)
    assert bad.status_code == 422 and bad.json()["code"] == "validation_error" and "channel" in bad.json()["detail"]
    too_many = await client.get("/api/v1/notifications", params={"limit": 1000}, headers=OPS)
    assert too_many.status_code == 422


async def test_ops_retry_requeues_a_failed_notification_and_refuses_a_sent_one(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    customer = new_customer()
    await request(app, customer, mobile=None)  # cannot be sent: failed at once
    await request(app, customer, template="tier_upgrade")

    async def settled() -> list[dict[str, Any]] | None:
        items = (await list_for(client, customer_id=customer))["items"]
        return items if all(i["status"] != "queued" for i in items) else None

    sent, failed = await wait_for(settled, timeout=10, what="both settled")
    assert (sent["status"], failed["status"]) == ("sent", "failed")
    assert failed["last_error"] == "no recipient mobile for an SMS" and failed["mobile"] is None
    keyed = {**OPS, "Idempotency-Key": f"retry-{failed['id']}"}
    retried = await client.post(f"/api/v1/notifications/{failed['id']}/retry", headers=keyed)
    assert retried.status_code == 200 and retried.json()["status"] in ("queued", "failed")
    again = await client.post(f"/api/v1/notifications/{failed['id']}/retry", headers=keyed)  # vipkit.idempotency
    assert again.status_code == 200 and again.json() == retried.json()
    assert again.headers["idempotent-replayed"] == "true"
    refused = await client.post(f"/api/v1/notifications/{sent['id']}/retry", headers=OPS)
    assert refused.status_code == 409 and refused.json()["code"] == "illegal_transition"


def test_service_refuses_to_start_with_a_placeholder_provider_key_outside_dev(tmp_path: Path) -> None:
    settings = NotifierSettings(
        database_url=f"sqlite:///{tmp_path}/n.db", sms_url="https://sms.example.com/send", sms_key="change-me"
    )
    staging = COMMON.model_copy(
        update={"env": "staging", "test_clock": False, "jwt_secret": "j" * 40, "internal_secret": "i" * 40}
    )
    with pytest.raises(RuntimeError, match="VIP_NOTIFIER_SMS_KEY"):
        create_app(settings, staging)
    create_app(settings, COMMON.model_copy(update={"env": "dev"}))
    create_app(settings, COMMON)  # test: development keys allowed


async def test_forged_cursors_and_ids_past_int64_are_422_or_404_never_500(client: httpx.AsyncClient) -> None:
    """Issue 12 item 7 (fuzzing): ``offset``/cursor values of 2^63 and more, over-long ids."""
    await assert_forged_cursors_refused(client, "/api/v1/notifications", OPS, "notifications", 1)
    wrong_type = await client.get("/api/v1/notifications", params={"cursor": encode_cursor("notifications", ["C1"])},
                                  headers=OPS)  # fmt: skip
    assert wrong_type.status_code == 422 and wrong_type.json()["field"] == "cursor"
    for path in (f"/api/v1/notifications/{2**63}", f"/api/v1/notifications/{'9' * 300}"):
        r = await client.get(path, headers=OPS)
        assert r.status_code in (404, 422) and r.headers["content-type"].startswith("application/problem+json"), r.text
