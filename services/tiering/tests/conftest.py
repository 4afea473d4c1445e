"""Tiering test helpers: a fresh migrated database per test, app factory, policy bodies, outbox reads."""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from services.tiering.main import MIGRATIONS_DIR, create_app
from services.tiering.settings import TieringSettings
from vipkit.auth import mint_token
from vipkit.clock import SHANGHAI
from vipkit.db import Database, outbox_table
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory

OPS = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret=TEST_JWT_SECRET)}"}
VALID_ID = "110101199001011237"  # GB 11643 check digit 7 (the SPEC sample ...1234 fails the check)
MOBILE = "13800138000"


def new_customer() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


def new_policy_no() -> str:
    return f"P{uuid.uuid4().hex[:12].upper()}"


def customer_headers(customer_id: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(customer_id, 'customer', secret=TEST_JWT_SECRET)}"}


def at(day: dt.date, hour: int = 10) -> dict[str, str]:
    """An ``X-Test-Now`` header at a local time of day."""
    return {"X-Test-Now": dt.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI).isoformat()}


def ops_at(day: dt.date, hour: int = 10) -> dict[str, str]:
    return {**OPS, **at(day, hour)}


BASE_POLICY: dict[str, Any] = {
    "holder": {
        "customer_id": "C1001",
        "name": "丁华清",
        "id_type": "resident_id",
        "id_no": VALID_ID,
        "mobile": MOBILE,
        "birth_date": "1990-01-01",
    },
    "insured": {
        "customer_id": "C1001",
        "name": "丁华清",
        "id_type": "resident_id",
        "id_no": VALID_ID,
        "mobile": MOBILE,
        "birth_date": "1990-01-01",
    },
    "product": {"code": "CSFYJ-1", "name": "长生福优加重大疾病保险（计划一）", "kind": "traditional"},
    "channel": "agency",
    "payment_mode": "regular",
    "annual_premium": "3233.00",
    "payment_years": 20,
    "coverage_years": None,
    "top_ups": [],
    "status": "in_force",
    "underwritten_at": "2026-05-08T15:30:00+08:00",
    "effective_date": "2026-05-09",
    "cooling_off_end": "2026-05-24",
    "loan_or_pledge": False,
    "electronic_contract": True,
}


def policy_body(customer_id: str, *, insured: str | None = None, **overrides: Any) -> dict[str, Any]:
    body = copy.deepcopy(BASE_POLICY)
    body["holder"]["customer_id"] = customer_id
    body["insured"]["customer_id"] = insured or customer_id
    for key, value in overrides.items():
        body[key] = value
    return body


def common(program: str = "stars", **overrides: Any) -> CommonSettings:
    values: dict[str, Any] = {
        "env": "test",
        "program": program,
        "jwt_secret": TEST_JWT_SECRET,
        "test_clock": True,
        "scheduler": "off",
        "kafka_enabled": False,
    }
    values.update(overrides)
    return CommonSettings(**values)


def make_app(db_url: str, program: str = "stars", **common_overrides: Any) -> FastAPI:
    return create_app(TieringSettings(database_url=db_url, run_chunk_size=7), common(program, **common_overrides))


@pytest.fixture
def db_url(db_kind: str, db_factory: DatabaseFactory) -> str:
    return db_factory.create(db_kind, MIGRATIONS_DIR)


@pytest.fixture
def sqlite_url(db_factory: DatabaseFactory) -> str:
    return db_factory.create("sqlite", MIGRATIONS_DIR)


async def outbox(app: FastAPI, topic: str | None = None, key: str | None = None) -> list[dict[str, Any]]:
    """CloudEvents written to the outbox (in order), optionally filtered by topic and key."""
    db: Database = app.state.db
    stmt = select(outbox_table.c.topic, outbox_table.c.key, outbox_table.c.payload).order_by(outbox_table.c.id)
    async with db.sessionmaker() as session:
        rows = (await session.execute(stmt)).all()
    out = []
    for row in rows:
        if (topic is None or row.topic == topic) and (key is None or row.key == key):
            out.append({"topic": row.topic, "key": row.key, **json.loads(row.payload)})
    return out
