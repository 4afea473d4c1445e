"""Grants: the units a customer's tier gives per service and period (SPEC 3.1). Every change of a
grant's numbers writes a ledger row and an ``entitlement.changed.v1`` event in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import EntitlementChangedV1, Topic
from services.entitlements import repository as repo
from services.entitlements import rules
from services.entitlements.catalog import NO_TIER, Catalog, ServiceEntry
from services.entitlements.models import CustomerTier, Grant
from vipkit import clock
from vipkit import json_values as jv
from vipkit.events import EventJson, add_event
from vipkit.problems import NotFound

SOURCE = "entitlements"


def change_event(grant: Any, reason: str, reservation_id: str | None = None) -> EntitlementChangedV1:
    """The ``entitlement.changed.v1`` of a grant's numbers (a ``Grant`` or a row with its columns)."""
    return EntitlementChangedV1(
        customer_id=grant.customer_id,
        service_code=grant.service_code,
        period_start=grant.period_start,
        period_end=grant.period_end,
        quota=grant.quota,
        used=grant.used,
        reserved=grant.reserved,
        remaining=rules.remaining(grant.quota, grant.used, grant.reserved),
        reason=reason,
        reservation_id=reservation_id,
    )


def change_event_json(grant: Any, reason: str) -> EventJson:
    """``change_event(grant, reason).model_dump_json()`` from the values (no model per event: a
    tier change makes one such event per grant of its tier, ~12; ``test_grants.py`` compares them)."""
    remaining = rules.remaining(grant.quota, grant.used, grant.reserved)
    return EventJson(
        f'{{"customer_id":{jv.text(grant.customer_id)},"service_code":{jv.text(grant.service_code)},'
        f'"period_start":{jv.day(grant.period_start)},"period_end":{jv.day(grant.period_end)},'
        f'"quota":{jv.integer(grant.quota)},"used":{int(grant.used)},"reserved":{int(grant.reserved)},'
        f'"remaining":{jv.integer(remaining)},"reason":{jv.text(reason)},"reservation_id":null}}'
    )


async def publish(session: AsyncSession, grant: Grant, reason: str, reservation_id: str | None = None) -> None:
    await add_event(
        session,
        Topic.entitlement_changed.value,
        change_event(grant, reason, reservation_id),
        key=grant.customer_id,
        source=SOURCE,
    )


def granted_reason(reason: str, quota: int | None, period: rules.PeriodRange, tier: str, carried: int) -> str:
    quota_text = "unlimited" if quota is None else str(quota)
    return f"{reason}: {quota_text} for {period.start}..{period.end} at tier {tier}" + (
        f"; {carried} unit(s) already used in this period under the previous tier" if carried else ""
    )


def quota_reason(reason: str, previous: int | None, quota: int | None, tier: str) -> str:
    before = "unlimited" if previous is None else previous
    after = "unlimited" if quota is None else quota
    note = "" if quota != 0 else " (not in this tier: no new reservations; existing ones stay honoured)"
    return f"{reason}: quota {before} -> {after} at tier {tier}{note}"


async def create_grant(
    session: AsyncSession,
    catalog: Catalog,
    customer_id: str,
    code: str,
    period: rules.PeriodRange,
    quota: int | None,
    tier: str,
    reason: str,
    source: str | None,
) -> tuple[Grant, bool]:
    """Insert the grant of a period (insert-on-conflict); counts units used earlier in the period."""
    carried = rules.units_in_period(await repo.use_days(session, customer_id, code, period.start, period.end), period)
    now = clock.now()
    created = await repo.insert_grant_ignore(
        session,
        {
            "customer_id": customer_id,
            "service_code": code,
            "period_start": period.start,
            "period_end": period.end,
            "quota": quota,
            "used": carried,
            "reserved": 0,
            "tier": tier,
            "created_at": now,
            "updated_at": now,
        },
    )
    grant = await repo.find_grant(session, customer_id, code, period.start, period.end)
    assert grant is not None
    if created:
        await repo.add_ledger(
            session,
            grant,
            action="granted",
            units=0,
            reason=granted_reason(reason, quota, period, tier, carried),
            source=source,
        )
        await publish(session, grant, reason)
    return grant, created


async def sync_grants(
    session: AsyncSession,
    catalog: Catalog,
    customer_id: str,
    tier: str,
    day: dt.date,
    *,
    reason: str,
    source: str | None,
) -> list[str]:
    """Make the grants of the period containing ``day`` follow ``tier``; returns what changed."""
    current = await repo.grants_containing(session, customer_id, day)
    states = {
        code: rules.GrantState(code, g.period_start, g.period_end, g.quota, g.used, g.reserved)
        for code, g in current.items()
    }
    changes: list[str] = []
    for action in rules.plan_grants(catalog, tier, day, states):
        code = action.service_code
        if action.action == "create":
            _, created = await create_grant(
                session, catalog, customer_id, code, action.period, action.quota, tier, reason, source
            )
            if created:
                changes.append(f"{code}: granted {action.quota if action.quota is not None else 'unlimited'}")
            continue
        grant = current[code]
        await repo.set_grant_quota(session, grant.id, action.quota, tier)
        grant = await repo.get_grant(session, grant.id)
        await repo.add_ledger(
            session,
            grant,
            action="quota_changed",
            units=0,
            reason=quota_reason(reason, action.previous_quota, action.quota, tier),
            source=source,
        )
        await publish(session, grant, reason)
        before = "unlimited" if action.previous_quota is None else action.previous_quota
        changes.append(f"{code}: quota {before} -> {'unlimited' if action.quota is None else action.quota}")
    return changes


def service_or_404(catalog: Catalog, service_code: str) -> ServiceEntry:
    service = catalog.service(service_code)
    if service is None:
        raise NotFound(f"service {service_code!r} is not in the {catalog.program} catalog")
    return service


def tier_of(snapshot: CustomerTier | None) -> str:
    return snapshot.tier if snapshot is not None else NO_TIER


def waiting_until(catalog: Catalog, snapshot: CustomerTier | None) -> dt.date | None:
    return rules.waiting_until(snapshot.entitled_since if snapshot else None, catalog.waiting_period_days)


async def current_grant(
    session: AsyncSession, catalog: Catalog, customer_id: str, service: ServiceEntry, tier: str, day: dt.date
) -> Grant:
    """The grant of the current period for a service the tier has (created lazily at a period start)."""
    period = rules.period_of(day, service.period_for(tier), catalog.two_year_anchor)
    grant = await repo.find_grant(session, customer_id, service.service_code, period.start, period.end)
    if grant is not None:
        return grant
    tier_grant = service.grant_for(tier)
    assert tier_grant is not None
    grant, _ = await create_grant(
        session,
        catalog,
        customer_id,
        service.service_code,
        period,
        tier_grant.quota,
        tier,
        "new period",
        "reservation",
    )
    return grant
