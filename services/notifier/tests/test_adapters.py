"""Channel adapters against a real local provider (FakeProvider over HTTP): bodies, headers, masking,
message ids, failures as results (never raised), and which adapter a configuration builds."""

from __future__ import annotations

import json
import logging
import socket
from typing import Any

import httpx
import pytest

from services.notifier.adapters import (
    HttpChannelAdapter,
    OutgoingMessage,
    SinkAdapter,
    build_adapters,
    sms_body,
    wechat_body,
)
from services.notifier.tests.conftest import MASKED, MOBILE, TEXT, FakeProvider, notifier_settings


def message(**overrides: Any) -> OutgoingMessage:
    values: dict[str, Any] = {
        "notification_id": 7,
        "event_id": "evt-0001",
        "channel": "sms",
        "customer_id": "C0001",
        "mobile": MOBILE,
        "template": "revisit_first_sms",
        "text": TEXT,
        "reference": "P2026050801",
    }
    values.update(overrides)
    return OutgoingMessage(**values)


def http_adapter(provider: FakeProvider, client: httpx.AsyncClient, *, key: str | None = None) -> HttpChannelAdapter:
    return HttpChannelAdapter("sms-gateway", provider.url, key or provider.key, "X-Api-Key", client, body=sms_body)


async def test_sms_is_posted_with_key_and_idempotency_key_and_the_payload_is_masked(provider: FakeProvider) -> None:
    async with httpx.AsyncClient() as client:
        result = await http_adapter(provider, client).send(message())
    assert (result.ok, result.adapter, result.provider_message_id, result.error) == (True, "sms-gateway", "P-1", None)
    [request] = provider.requests
    assert request["json"] == {"mobile": MOBILE, "text": TEXT, "reference": "P2026050801"}
    assert request["headers"]["x-api-key"] == provider.key
    assert request["headers"]["idempotency-key"] == "evt-0001"
    assert json.loads(result.payload)["mobile"] == MASKED and MOBILE not in result.payload
    assert "尊敬的客户" in result.payload  # Chinese text kept readable (ensure_ascii=False)


async def test_a_non_2xx_answer_is_a_failed_retryable_result(provider: FakeProvider) -> None:
    provider.fail_first = 1
    async with httpx.AsyncClient() as client:
        adapter = http_adapter(provider, client)
        first = await adapter.send(message())
        second = await adapter.send(message())
        wrong_key = await http_adapter(provider, client, key="wrong").send(message())
    assert (first.ok, first.permanent) == (False, False)
    assert first.error is not None and first.error.startswith("HTTP 503") and "gateway busy" in first.error
    assert second.ok and second.provider_message_id == "P-2"
    assert not wrong_key.ok and wrong_key.error is not None and wrong_key.error.startswith("HTTP 401")


async def test_an_unreachable_provider_is_a_failed_result_not_an_exception() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the request: nothing listens there
    async with httpx.AsyncClient(timeout=2.0) as client:
        adapter = HttpChannelAdapter(
            "sms-gateway", f"http://127.0.0.1:{port}/send", "k", "X-Api-Key", client, body=sms_body
        )
        result = await adapter.send(message())
    assert not result.ok and not result.permanent
    assert result.error is not None and result.error.startswith("ConnectError")


async def test_an_sms_without_a_mobile_is_permanent_and_sends_nothing(provider: FakeProvider) -> None:
    async with httpx.AsyncClient() as client:
        result = await http_adapter(provider, client).send(message(mobile=None))
    assert (result.ok, result.permanent, result.error) == (False, True, "no recipient mobile for an SMS")
    assert provider.requests == []


async def test_wechat_body_carries_customer_and_template_and_needs_no_mobile(provider: FakeProvider) -> None:
    async with httpx.AsyncClient() as client:
        adapter = HttpChannelAdapter(
            "wechat-template", provider.url, provider.key, "X-Api-Key", client, body=wechat_body
        )
        result = await adapter.send(message(channel="wechat", mobile=None))
    assert result.ok
    assert provider.requests[0]["json"] == {
        "customer_id": "C0001",
        "mobile": None,
        "template": "revisit_first_sms",
        "text": TEXT,
        "reference": "P2026050801",
    }


async def test_sink_records_masked_and_succeeds_with_a_sink_id(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="notifier.adapters")
    result = await SinkAdapter("sms").send(message())
    assert (result.ok, result.adapter, result.provider_message_id) == (True, "sink-sms", "sink-7")
    assert json.loads(result.payload)["mobile"] == MASKED
    [record] = [r for r in caplog.records if r.name == "notifier.adapters"]
    assert record.__dict__["mobile"] == MASKED
    missing = await SinkAdapter("sms").send(message(mobile=None))
    assert (missing.ok, missing.permanent) == (False, True)
    wechat = await SinkAdapter("wechat").send(message(channel="wechat", mobile=None))
    assert wechat.ok and wechat.adapter == "sink-wechat" and "customer_id" in json.loads(wechat.payload)


async def test_build_adapters_uses_the_provider_only_where_a_url_is_configured() -> None:
    async with httpx.AsyncClient() as client:
        dev = build_adapters(notifier_settings("sqlite+aiosqlite://"), client)
        sms_only = build_adapters(
            notifier_settings("sqlite+aiosqlite://", sms_url="http://127.0.0.1:9/send", sms_key="k" * 20), client
        )
    assert {k: a.name for k, a in dev.items()} == {"sms": "sink-sms", "wechat": "sink-wechat"}
    assert {k: a.name for k, a in sms_only.items()} == {"sms": "sms-gateway", "wechat": "sink-wechat"}
    sms = sms_only["sms"]
    assert isinstance(sms, HttpChannelAdapter) and sms.url == "http://127.0.0.1:9/send" and sms.key == "k" * 20
