"""Fixtures for the booking tests: a migrated database per test, the entitlements contract stand-in
served over real HTTP, the booking app in-process, and helpers to sign partner webhooks."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from sqlalchemy import text, update

from services.booking import webhooks_out
from services.booking.context import wall_now as wall
from services.booking.main import MIGRATIONS_DIR, create_app
from services.booking.settings import BookingSettings
from services.booking.tests.entitlements_standin import EntitlementsStandIn
from services.booking.webhooks_in import verify
from services.booking.webhooks_out import sign_headers
from vipkit.auth import mint_token
from vipkit.db import Database
from vipkit.durable import JobRunner
from vipkit.plumbing import durable_jobs_table
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory, app_client, serve_app

SECRET_P1 = "whsec_" + base64.b64encode(b"partner-one-secret-0123456789abcd").decode()
SECRET_P2 = "whsec_" + base64.b64encode(b"partner-two-secret-0123456789abcd").decode()
OPS = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret=TEST_JWT_SECRET)}"}


def customer_headers(customer_id: str, now: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {mint_token(customer_id, 'customer', secret=TEST_JWT_SECRET)}"}
    if now:
        headers["X-Test-Now"] = now
    return headers


def ops_headers(now: str | None = None) -> dict[str, str]:
    return {**OPS, **({"X-Test-Now": now} if now else {})}


def new_customer() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


def make_common_settings(**extra: Any) -> CommonSettings:
    values: dict[str, Any] = {
        "env": "test",
        "jwt_secret": TEST_JWT_SECRET,
        "test_clock": True,
        "scheduler": "off",
        "kafka_enabled": False,
        "jobs_enabled": False,  # tests drive the durable jobs themselves (Env.run_jobs)
    }
    values.update(extra)
    return CommonSettings(**values)


@dataclass
class PartnerReceiver:
    """A partner clinic's webhook endpoint: verifies the signature and records what it got."""

    secret: str
    received: list[dict[str, Any]] = field(default_factory=list)
    rejected: int = 0

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hooks")
        async def hook(request: Request) -> dict[str, str]:
            body = await request.body()
            try:
                verify(self.secret, body, dict(request.headers))
            except Exception:
                self.rejected += 1
                raise
            self.received.append({"headers": dict(request.headers), "body": json.loads(body)})
            return {"ok": "yes"}

        return app


@dataclass
class Env:
    client: httpx.AsyncClient
    app: FastAPI
    standin: EntitlementsStandIn
    db_url: str

    def webhook_runner(self, db: Database | None = None) -> JobRunner:
        """A job runner for the partner webhook jobs only (what the service runs with the others)."""
        return JobRunner(db or self.db, webhooks_out.job_kinds(self.app.state.booking), name="test-webhooks")

    async def deliver_webhooks(self, now: dt.datetime | None = None, *, runner: JobRunner | None = None) -> int:
        """Run the webhook jobs due at ``now`` (a later wall-clock time travels past their backoff; a
        job is due up to a second after the ``next_attempt_at`` its delivery row shows, the moment
        between the attempt's record and the job's); returns how many were claimed."""
        j = durable_jobs_table
        due_by = (now or wall()) + dt.timedelta(seconds=1)
        async with self.db.transaction() as session:
            await session.execute(
                update(j)
                .where(j.c.kind == webhooks_out.WEBHOOK_JOB, j.c.state == "pending", j.c.run_after <= due_by)
                .values(run_after=wall())
            )
        return await (runner or self.webhook_runner()).run_once()

    @property
    def db(self) -> Database:
        db: Database = self.app.state.db
        return db

    async def setup(self) -> None:
        for pid, secret in (("P1", SECRET_P1), ("P2", SECRET_P2)):
            r = await self.client.put(
                f"/api/v1/partners/{pid}",
                json={"name": f"Partner {pid}", "webhook_url": "http://127.0.0.1:9/hooks", "secret": secret},
                headers=OPS,
            )
            assert r.status_code in (200, 201), r.text
        await self.put_clinic("CL1", "P1", capacity=5)
        await self.put_clinic("CL2", "P2", capacity=5)

    async def put_clinic(
        self,
        clinic_id: str,
        partner_id: str,
        *,
        capacity: int,
        weekdays: list[int] | None = None,
        holidays: bool = False,
    ) -> dict[str, Any]:
        r = await self.client.put(
            f"/api/v1/clinics/{clinic_id}",
            json={
                "partner_id": partner_id,
                "name": f"爱康国宾{clinic_id}",
                "city": "北京",
                "address": "北京市朝阳区建国路88号",
                "opening_weekdays": weekdays or [1, 2, 3, 4, 5],
                "open_on_holidays": holidays,
                "services": [
                    {
                        "service_code": "dental_cleaning",
                        "daily_capacity": capacity,
                        "packages": [{"code": "classic", "name": "经典洁牙套餐"}],
                    },
                    {"service_code": "health_checkup", "daily_capacity": capacity, "packages": []},
                ],
            },
            headers=OPS,
        )
        assert r.status_code in (200, 201), r.text
        return dict(r.json())

    async def book(
        self,
        customer_id: str,
        date: str,
        *,
        now: str = "2026-09-28T10:00:00+08:00",
        clinic_id: str = "CL1",
        service_code: str = "dental_cleaning",
        key: str | None = None,
        **extra: Any,
    ) -> httpx.Response:
        headers = customer_headers(customer_id, now)
        if key:
            headers["Idempotency-Key"] = key
        body = {"customer_id": customer_id, "service_code": service_code, "clinic_id": clinic_id, "date": date, **extra}
        return await self.client.post("/api/v1/bookings", json=body, headers=headers)

    async def partner_webhook(
        self,
        event_type: str,
        booking_id: str,
        *,
        partner_id: str = "P1",
        secret: str = SECRET_P1,
        webhook_id: str | None = None,
        signed_at: dt.datetime | None = None,
        now: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> httpx.Response:
        body = json.dumps({"type": event_type, "booking_id": booking_id, "data": data or {}})
        headers = sign_headers(
            secret, webhook_id or f"wh_{uuid.uuid4().hex}", body, signed_at or dt.datetime.now(dt.UTC)
        )
        if now:
            headers["X-Test-Now"] = now
        return await self.client.post(f"/api/v1/partners/{partner_id}/webhooks", content=body, headers=headers)

    async def get_booking(self, booking_id: str) -> dict[str, Any]:
        r = await self.client.get(f"/api/v1/bookings/{booking_id}", headers=OPS)
        assert r.status_code == 200, r.text
        return dict(r.json())

    async def outbox(self, topic: str) -> list[dict[str, Any]]:
        async with self.db.engine.connect() as conn:
            rows = (
                await conn.execute(text("SELECT payload FROM outbox WHERE topic = :t ORDER BY id"), {"t": topic})
            ).all()
        return [json.loads(r[0]) for r in rows]

    async def run_jobs(self, *, due_now: bool = True) -> int:
        """Run the durable jobs (ledger effects) once; ``due_now``: skip their backoff wait."""
        if due_now:
            async with self.db.transaction() as session:
                await session.execute(
                    update(durable_jobs_table)
                    .where(durable_jobs_table.c.state == "pending")
                    .values(run_after=dt.datetime.now(dt.UTC))
                )
        runner = JobRunner(self.db, self.app.state.spec.job_kinds, name="test", test_clock=True)
        return await runner.run_once()

    async def scalar(self, sql: str, **params: Any) -> Any:
        async with self.db.engine.connect() as conn:
            return (await conn.execute(text(sql), params)).scalar()


@pytest.fixture
async def standin() -> AsyncIterator[EntitlementsStandIn]:
    stand_in = EntitlementsStandIn()
    async with serve_app(stand_in.app()) as url:
        stand_in.url = url  # type: ignore[attr-defined]
        yield stand_in


async def make_env(db_url: str, standin: EntitlementsStandIn, **settings: Any) -> AsyncIterator[Env]:
    values: dict[str, Any] = {
        "database_url": db_url,
        "entitlements_url": standin.url,  # type: ignore[attr-defined]
        "worker_enabled": False,
        "sweeper_grace_seconds": 0,
    }
    values.update(settings)
    app = create_app(BookingSettings(**values), make_common_settings())
    async with app_client(app) as client:
        env = Env(client=client, app=app, standin=standin, db_url=db_url)
        await env.setup()
        yield env


@pytest.fixture
async def env(db_kind: str, db_factory: DatabaseFactory, standin: EntitlementsStandIn) -> AsyncIterator[Env]:
    url = db_factory.create(db_kind, MIGRATIONS_DIR)
    async for e in make_env(url, standin):
        yield e
    db_factory.drop(url)


@pytest.fixture
async def pg_env(postgres_only: str, db_factory: DatabaseFactory, standin: EntitlementsStandIn) -> AsyncIterator[Env]:
    url = db_factory.create("postgresql", MIGRATIONS_DIR)
    async for e in make_env(url, standin):
        yield e
    db_factory.drop(url)
