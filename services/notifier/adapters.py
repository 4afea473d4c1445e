"""Channel adapters: the SMS gateway's HTTP API, WeChat template messages, and the development sink.

Every adapter takes an ``OutgoingMessage`` and answers a ``DeliveryResult``; it never raises for a
provider problem (the delivery job records the failure and retries). The HTTP adapters POST JSON with the
API key in a header and the notification's event id as ``Idempotency-Key`` (a provider that honours
it drops the rare repeat after a runner crash); any non-2xx answer, timeout or connection error is a
failure. Without a configured URL (development) the sink records what would be sent and succeeds.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from services.notifier.settings import NotifierSettings
from vipkit.masking import mask_mobile

log = logging.getLogger("notifier.adapters")


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    notification_id: int
    event_id: str
    channel: str
    customer_id: str
    mobile: str | None
    template: str
    text: str
    reference: str | None


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    ok: bool
    adapter: str
    payload: str  # what was (or would be) sent, JSON with the mobile masked
    provider_message_id: str | None = None
    error: str | None = None
    permanent: bool = False  # retrying cannot help (e.g. no recipient)


class ChannelAdapter(Protocol):
    name: str

    async def send(self, message: OutgoingMessage) -> DeliveryResult: ...


def _masked(body: dict[str, Any]) -> str:
    shown = dict(body)
    if shown.get("mobile"):
        shown["mobile"] = mask_mobile(shown["mobile"])
    return json.dumps(shown, ensure_ascii=False, separators=(",", ":"))


def sms_body(message: OutgoingMessage) -> dict[str, Any]:
    return {"mobile": message.mobile, "text": message.text, "reference": message.reference}


def wechat_body(message: OutgoingMessage) -> dict[str, Any]:
    # the insurer's WeChat middleware maps the customer number (or mobile) to the official-account openid
    return {
        "customer_id": message.customer_id,
        "mobile": message.mobile,
        "template": message.template,
        "text": message.text,
        "reference": message.reference,
    }


def _missing_recipient(message: OutgoingMessage) -> str | None:
    if message.channel == "sms" and not message.mobile:
        return "no recipient mobile for an SMS"
    return None


class HttpChannelAdapter:
    """POST JSON to a provider endpoint with the key in a header; 2xx is delivered."""

    def __init__(self, name: str, url: str, key: str, key_header: str, client: httpx.AsyncClient, *, body: Any) -> None:
        self.name = name
        self.url = url
        self.key = key
        self.key_header = key_header
        self.client = client
        self.body = body

    async def send(self, message: OutgoingMessage) -> DeliveryResult:
        body = self.body(message)
        payload = _masked(body)
        missing = _missing_recipient(message)
        if missing:
            return DeliveryResult(False, self.name, payload, error=missing, permanent=True)
        headers = {self.key_header: self.key, "Idempotency-Key": message.event_id}
        try:
            response = await self.client.post(self.url, json=body, headers=headers)
        except httpx.HTTPError as exc:
            return DeliveryResult(False, self.name, payload, error=f"{type(exc).__name__}: {exc}"[:500])
        if not response.is_success:
            return DeliveryResult(
                False, self.name, payload, error=f"HTTP {response.status_code}: {response.text[:300]}"
            )
        return DeliveryResult(True, self.name, payload, provider_message_id=_message_id(response))


def _message_id(response: httpx.Response) -> str | None:
    try:
        data = response.json()
    except ValueError:
        return None
    if isinstance(data, dict):
        for key in ("message_id", "msgid", "id"):
            if data.get(key) is not None:
                return str(data[key])[:128]
    return None


class SinkAdapter:
    """Development: records what would be sent (attempt row + a masked log line) and counts as delivered."""

    def __init__(self, channel: str) -> None:
        self.name = f"sink-{channel}"
        self.body = sms_body if channel == "sms" else wechat_body

    async def send(self, message: OutgoingMessage) -> DeliveryResult:
        payload = _masked(self.body(message))
        missing = _missing_recipient(message)
        if missing:
            return DeliveryResult(False, self.name, payload, error=missing, permanent=True)
        log.info(
            "notification sink: would send",
            extra={
                "channel": message.channel,
                "mobile": mask_mobile(message.mobile),
                "customer_id": message.customer_id,
                "template": message.template,
                "reference": message.reference,
                "text": message.text,
            },
        )
        return DeliveryResult(True, self.name, payload, provider_message_id=f"sink-{message.notification_id}")


def build_adapters(settings: NotifierSettings, client: httpx.AsyncClient) -> dict[str, ChannelAdapter]:
    """One adapter per channel: the provider when its URL is configured, else the sink."""
    sms: ChannelAdapter = SinkAdapter("sms")
    if settings.sms_url:
        sms = HttpChannelAdapter(
            "sms-gateway", settings.sms_url, settings.sms_key, settings.sms_key_header, client, body=sms_body
        )
    wechat: ChannelAdapter = SinkAdapter("wechat")
    if settings.wechat_url:
        wechat = HttpChannelAdapter(
            "wechat-template",
            settings.wechat_url,
            settings.wechat_key,
            settings.wechat_key_header,
            client,
            body=wechat_body,
        )
    return {"sms": sms, "wechat": wechat}
