"""Builders shared by the revisit tests: policies, policy.changed.v1 events, clients."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select

from contracts.events import PolicyChangedV1, Topic
from contracts.policy import PolicyDocument
from vipkit import clock
from vipkit.auth import mint_token
from vipkit.consumer import ConsumerRunner
from vipkit.db import Database, outbox_table
from vipkit.events import build_event
from vipkit.testing import TEST_JWT_SECRET

SH = clock.SHANGHAI
STAFF = {"Authorization": f"Bearer {mint_token('ops-1', 'ops', secret=TEST_JWT_SECRET)}"}
HOLDER_ID = "110101199001011234"  # 17th digit 3: 先生
HOLDER_BIRTH = "1990-01-01"


def at(text: str) -> dt.datetime:
    """'2026-05-08 15:30:00' -> aware Asia/Shanghai datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


def now_header(moment: dt.datetime | str) -> dict[str, str]:
    value = at(moment) if isinstance(moment, str) else moment
    return {"X-Test-Now": value.isoformat()}


def customer_headers(customer_id: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(customer_id, 'customer', secret=TEST_JWT_SECRET)}"}


def new_customer() -> str:
    return f"C{uuid.uuid4().hex[:10]}"


def new_policy_no() -> str:
    return f"P{uuid.uuid4().hex[:12].upper()}"


def policy_doc(customer_id: str, **overrides: Any) -> PolicyDocument:
    """The SPEC 7 example policy (handbook 004's questionnaire example), with overrides."""
    holder = {
        "customer_id": customer_id,
        "name": "丁华清",
        "id_type": "resident_id",
        "id_no": HOLDER_ID,
        "mobile": "13800138000",
        "birth_date": HOLDER_BIRTH,
    }
    holder.update(overrides.pop("holder", {}))
    insured = dict(holder)
    insured.update(overrides.pop("insured", {}))
    body: dict[str, Any] = {
        "holder": holder,
        "insured": insured,
        "product": {"code": "CSFYJ-1", "name": "长生福优加重大疾病保险（计划一）", "kind": "health"},
        "channel": "agency",
        "payment_mode": "regular",
        "annual_premium": Decimal("3233.00"),
        "payment_years": 20,
        "coverage_years": None,
        "status": "in_force",
        "underwritten_at": "2026-05-08T15:30:00+08:00",
        "effective_date": "2026-05-09",
        "cooling_off_end": "2026-05-24",
        "electronic_contract": True,
    }
    body.update(overrides)
    return PolicyDocument.model_validate(body)


def policy_event(
    customer_id: str,
    policy_no: str,
    *,
    first_policy: bool = True,
    change: str = "created",
    seen_at: dt.datetime | None = None,
    **overrides: Any,
) -> bytes:
    """A ``policy.changed.v1`` CloudEvent as tiering publishes it (``testnow`` = when it was seen)."""
    doc = policy_doc(customer_id, **overrides)
    data = PolicyChangedV1(
        policy_no=policy_no,
        change=change,  # type: ignore[arg-type]
        holder_customer_id=customer_id,
        insured_customer_id=doc.insured.customer_id,
        first_policy_of_holder=first_policy,
        policy=doc,
    )
    with clock.frozen(seen_at or doc.underwritten_at + dt.timedelta(minutes=1)):
        envelope = build_event(Topic.policy_changed.value, data, source="tiering")
    return json.dumps(envelope, ensure_ascii=False).encode()


async def deliver(runner: ConsumerRunner, raw: bytes) -> str:
    result = await runner.process(Topic.policy_changed.value, raw)
    return result.status


async def outbox_events(db: Database, topic: str, **match: Any) -> list[dict[str, Any]]:
    """Events the service wrote to its outbox on ``topic`` whose data has the given fields."""
    async with db.sessionmaker() as session:
        rows = (await session.execute(select(outbox_table.c.payload).where(outbox_table.c.topic == topic))).scalars()
        events = [json.loads(r) for r in rows]
    return [e for e in events if all(e["data"].get(k) == v for k, v in match.items())]


async def task_of(client: httpx.AsyncClient, policy_no: str) -> dict[str, Any]:
    res = await client.get("/api/v1/revisits", params={"policy_no": policy_no}, headers=STAFF)
    assert res.status_code == 200, res.text
    items = res.json()["items"]
    assert len(items) == 1, items
    return dict(items[0])
