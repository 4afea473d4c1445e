"""Fixtures of the entitlements tests: a migrated database per test, apps per program, tier states."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

import pytest

from services.entitlements import service
from services.entitlements.catalog import Catalog
from services.entitlements.main import MIGRATIONS_DIR, create_app
from services.entitlements.settings import EntitlementsSettings
from vipkit import clock
from vipkit.auth import mint_token
from vipkit.db import Database
from vipkit.settings import CommonSettings
from vipkit.testing import TEST_JWT_SECRET, DatabaseFactory


def new_customer() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


def at(value: str) -> dt.datetime:
    """'2026-06-01T10:00' -> aware Asia/Shanghai datetime."""
    return dt.datetime.fromisoformat(value).replace(tzinfo=clock.SHANGHAI)


def staff_headers(now: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {mint_token('ops-test', 'ops', secret=TEST_JWT_SECRET)}"}
    if now:
        headers["X-Test-Now"] = at(now).isoformat()
    return headers


def customer_headers(customer_id: str, now: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {mint_token(customer_id, 'customer', secret=TEST_JWT_SECRET)}"}
    if now:
        headers["X-Test-Now"] = at(now).isoformat()
    return headers


def common_for(program: str, **overrides: Any) -> CommonSettings:
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


def make_app(database_url: str, program: str, **common_overrides: Any) -> Any:
    return create_app(
        EntitlementsSettings(
            database_url=database_url, tiering_url=common_overrides.pop("tiering_url", "http://127.0.0.1:9")
        ),
        common_for(program, **common_overrides),
    )


@pytest.fixture
def db_url(db_kind: str, db_factory: DatabaseFactory) -> str:
    return db_factory.create(db_kind, MIGRATIONS_DIR)


async def set_tier(
    db: Database,
    catalog: Catalog,
    customer_id: str,
    tier: str,
    sequence: int,
    when: str,
    *,
    status: str = "confirmed",
    birth_date: dt.date | None = None,
    waiting_from: dt.date | None = None,
) -> service.ApplyResult:
    """Apply a tier state as the consumer would (own transaction, clock at ``when``)."""
    with clock.frozen(at(when)):
        async with db.sessionmaker() as session, session.begin():
            return await service.apply_tier_state(
                session,
                catalog,
                service.TierState(
                    customer_id,
                    catalog.program,
                    tier,
                    status,
                    sequence,
                    at(when),
                    Decimal("1"),
                    birth_date=birth_date,
                    waiting_from=waiting_from,
                ),
                source="test",
            )


def tier_event(
    customer_id: str,
    to_tier: str,
    sequence: int,
    *,
    program: str = "stars",
    from_tier: str = "none",
    status: str = "confirmed",
    reason: str = "upgrade",
    when: str = "2026-06-01T10:00",
    event_id: str | None = None,
    extra: dict[str, Any] | None = None,
) -> bytes:
    """A ``tier.changed.v1`` CloudEvent as tiering publishes it."""
    return json.dumps(
        {
            "specversion": "1.0",
            "id": event_id or str(uuid.uuid4()),
            "source": "tiering",
            "type": "com.insurer.vip.tier.changed.v1",
            "time": at(when).isoformat(),
            "subject": customer_id,
            "datacontenttype": "application/json",
            "testnow": at(when).isoformat(),
            "data": {
                "customer_id": customer_id,
                "program": program,
                "from_tier": from_tier,
                "to_tier": to_tier,
                "status": status,
                "reason": reason,
                "score": "12345.00",
                "effective_at": at(when).isoformat(),
                "sequence": sequence,
                **(extra or {}),
            },
        }
    ).encode()
