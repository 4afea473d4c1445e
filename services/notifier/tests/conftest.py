"""Notifier test helpers: a fresh migrated database, settings, events, a fake SMS/WeChat provider."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from contracts.events import CloudEvent, NotificationChannel, NotificationRequestedV1, Topic
from services.notifier import repository, service
from services.notifier.adapters import ChannelAdapter
from services.notifier.jobs import delivery_runner
from services.notifier.main import MIGRATIONS_DIR
from services.notifier.settings import NotifierSettings
from vipkit import clock
from vipkit.db import Database
from vipkit.events import build_event
from vipkit.testing import DatabaseFactory, serve_app

TOPIC = Topic.notification_requested.value
MOBILE = "13800138000"
MASKED = "138****8000"
TEXT = "尊敬的客户，您的保单P2026050801已承保，请点击链接完成电子化回访：http://127.0.0.1:8000/r/abc【长生人寿】"


NOTIFIED_AT = dt.datetime(2026, 5, 10, 10, tzinfo=clock.SHANGHAI)


def new_customer() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


def request_data(customer_id: str, **overrides: Any) -> NotificationRequestedV1:
    values: dict[str, Any] = {
        "customer_id": customer_id,
        "channel": NotificationChannel.sms,
        "mobile": MOBILE,
        "template": "revisit_first_sms",
        "text": TEXT,
        "source_service": "revisit",
        "reference": "P2026050801",
    }
    values.update(overrides)
    return NotificationRequestedV1(**values)


def notification_row(customer_id: str, **overrides: Any) -> dict[str, Any]:
    """A ``notifications`` row (queued, never tried) for the repository and retention tests."""
    values: dict[str, Any] = {
        "event_id": f"evt-{uuid.uuid4().hex}",
        "customer_id": customer_id,
        "channel": "sms",
        "template": "revisit_first_sms",
        "text": TEXT,
        "mobile": MOBILE,
        "reference": "P2026050801",
        "source_service": "revisit",
        "status": "queued",
        "attempt_count": 0,
        "created_at": NOTIFIED_AT,
    }
    values.update(overrides)
    return values


def make_event(customer_id: str, *, event_id: str | None = None, **overrides: Any) -> CloudEvent:
    envelope = build_event(TOPIC, request_data(customer_id, **overrides), source="revisit", event_id=event_id)
    return CloudEvent.model_validate(envelope)


def notifier_settings(database_url: str, **overrides: Any) -> NotifierSettings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "poll_ms": 10,
        "max_attempts": 4,
        "retry_base_seconds": 0.1,  # the runner's jitter: the first retry after 0.05 to 0.1 s
        "retry_max_seconds": 0.4,
        "sends_per_second": 0,  # unlimited: the tests drive rounds themselves
        "http_timeout_seconds": 2.0,
    }
    values.update(overrides)
    return NotifierSettings(**values)


class DeliveryWorker:
    """The notifier's delivery job runner (``jobs.delivery_runner``) as the tests drive it."""

    def __init__(self, db: Database, settings: NotifierSettings, adapters: Mapping[str, ChannelAdapter]) -> None:
        self.runner = delivery_runner(db, settings, adapters)
        self.task: asyncio.Task[None] | None = None

    async def run_once(self) -> int:
        return await self.runner.run_once()

    def start(self) -> None:
        self.task = asyncio.create_task(self.runner.run(), name="notifier-delivery-jobs")

    async def stop(self) -> None:
        await self.runner.stop()
        if self.task is not None:
            await asyncio.wait_for(self.task, 10)
            self.task = None

    @property
    def delivered(self) -> int:
        return self.runner.succeeded

    @property
    def failed_attempts(self) -> int:
        return self.runner.failed


async def next_attempt(db: Database, notification_id: int) -> dt.datetime | None:
    """When the notification's delivery job runs next (None: not pending: sent, dead)."""
    async with db.sessionmaker() as session:
        key = service.job_key(notification_id)
        return (await repository.delivery_schedule(session, {key: notification_id})).get(notification_id)


@pytest.fixture
def db_url(db_kind: str, db_factory: DatabaseFactory) -> str:
    return db_factory.create(db_kind, MIGRATIONS_DIR)


@dataclass
class FakeProvider:
    """A third-party SMS gateway / WeChat endpoint: answers ``fail_first`` requests with 503, then 200."""

    key: str = "provider-key-0123456789"
    fail_first: int = 0
    fail_status: int = 503
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/send")
        async def send(request: Request) -> JSONResponse:
            self.requests.append({"headers": dict(request.headers), "json": await request.json()})
            if request.headers.get("x-api-key") != self.key:
                return JSONResponse({"error": "bad key"}, status_code=401)
            if len(self.requests) <= self.fail_first:
                return JSONResponse({"error": "gateway busy"}, status_code=self.fail_status)
            return JSONResponse({"message_id": f"P-{len(self.requests)}"})

        return app


@pytest.fixture
async def provider() -> AsyncIterator[FakeProvider]:
    fake = FakeProvider()
    async with serve_app(fake.app()) as base_url:
        fake.url = f"{base_url}/send"
        yield fake
