"""Customers' mobile numbers for booking SMS (SPEC 4.2: "at the mobile number of their policies
unless the booking request gives ``contact_mobile``").

Booking learns them from ``policy.changed.v1`` (tiering publishes every accepted policy change with
the holder's and the insured's mobile): one row per customer, the number on their most recently
underwritten policy (a later change of that policy updates it; an older policy arriving late does
not overwrite a newer one). The lookup happens when a message is sent, so a changed number is used
for the reminder of a booking made before the change.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import PolicyChangedV1
from services.booking.models import Booking, CustomerContact
from vipkit import clock
from vipkit.db import upsert_insert


async def remember_policy_contacts(session: AsyncSession, data: PolicyChangedV1) -> int:
    """Keep the holder's and the insured's mobile of this policy where it is their newest; returns rows written."""
    doc = data.policy
    people = {
        data.holder_customer_id: doc.holder.mobile,
        (data.insured_customer_id or doc.insured.customer_id or ""): doc.insured.mobile,
    }
    written = 0
    for customer_id, mobile in people.items():
        if not customer_id or not mobile:
            continue
        values = {
            "customer_id": customer_id,
            "mobile": mobile,
            "policy_no": data.policy_no,
            "underwritten_at": doc.underwritten_at,
            "updated_at": clock.now(),
        }
        written += await _upsert_if_newer(session, values)
    return written


async def _upsert_if_newer(session: AsyncSession, values: dict[str, object]) -> int:
    """INSERT, or UPDATE when this policy is at least as recently underwritten (one statement)."""
    table = cast(Table, CustomerContact.__table__)
    stmt = upsert_insert(session, table).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.customer_id],
        set_={k: stmt.excluded[k] for k in ("mobile", "policy_no", "underwritten_at", "updated_at")},
        where=table.c.underwritten_at <= stmt.excluded.underwritten_at,
    )
    result = await session.execute(stmt)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def policy_mobile(session: AsyncSession, customer_id: str) -> str | None:
    row = await session.get(CustomerContact, customer_id, populate_existing=True)
    return row.mobile if row is not None else None


async def mobile_for(session: AsyncSession, booking: Booking) -> str | None:
    """Where the booking's SMS go: the request's ``contact_mobile``, else the customer's policy mobile."""
    return booking.contact_mobile or await policy_mobile(session, booking.customer_id)
