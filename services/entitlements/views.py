"""Entitlements reads (SPEC 7): a customer's entitlements and a service's ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements import mapping, rules
from services.entitlements import repository as repo
from services.entitlements.catalog import Catalog, ServiceEntry
from services.entitlements.grants import service_or_404, tier_of, waiting_until
from services.entitlements.models import Grant, Relative
from services.entitlements.schemas import Beneficiary, EntitlementsRead, LedgerRead, Option, ServiceEntitlement
from vipkit import clock
from vipkit.pagination import DEFAULT_LIMIT, page


def beneficiaries_of(
    service: ServiceEntry, tier: str, relatives: list[Relative], day: dt.date, own_birth_date: dt.date | None
) -> list[Beneficiary]:
    allowed = service.beneficiaries_for(tier)
    out: list[Beneficiary] = []
    if rules.beneficiary_refusal(allowed, None, day, own_birth_date=own_birth_date) is None:
        out.append(mapping.HOLDER)
    for rel in relatives:
        if rules.beneficiary_refusal(allowed, mapping.relative_facts(rel), day) is None:
            out.append(mapping.beneficiary(rel))
    return out


@dataclass(frozen=True)
class CustomerNow:
    """What every service line of the entitlements view reads about the customer today."""

    day: dt.date
    tier: str
    waiting: dt.date | None
    own_birth_date: dt.date | None
    grants: Mapping[str, Grant]
    relatives: list[Relative]
    two_year_anchor: int


async def entitlements_view(session: AsyncSession, catalog: Catalog, customer_id: str) -> EntitlementsRead:
    """SPEC 7 read: per catalog service its numbers for the current period, availability and beneficiaries."""
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id)
    now = CustomerNow(
        day=day,
        tier=tier_of(snapshot),
        waiting=waiting_until(catalog, snapshot),
        own_birth_date=snapshot.birth_date if snapshot else None,
        grants=await repo.grants_containing(session, customer_id, day),
        relatives=list(await repo.list_relatives(session, customer_id)),
        two_year_anchor=catalog.two_year_anchor,
    )
    return EntitlementsRead(
        customer_id=customer_id,
        program=catalog.program,
        tier=now.tier,
        tier_status=snapshot.status if snapshot else None,
        tier_sequence=snapshot.sequence if snapshot else None,
        waiting_until=now.waiting,
        as_of=day,
        services=[service_view(service, now) for service in catalog.services],
    )


def availability(service: ServiceEntry, now: CustomerNow, beneficiaries: list[Beneficiary]) -> str | None:
    """Why the customer cannot use ``service`` now (None: available)."""
    tier, day = now.tier, now.day
    if service.grant_for(tier) is None:
        return f"not included at tier {tier} (tiers: {', '.join(service.tiers)})"
    if now.waiting is not None and day < now.waiting:
        return f"waiting period until {now.waiting.isoformat()}"
    if not beneficiaries:
        own = rules.beneficiary_refusal(service.beneficiaries_for(tier), None, day, own_birth_date=now.own_birth_date)
        return f"no beneficiary may use it: {own or 'no designated relative allowed'}"
    return None


def service_view(service: ServiceEntry, now: CustomerNow) -> ServiceEntitlement:
    """One service line: its numbers for the current period, availability and who may use it."""
    tier, day = now.tier, now.day
    tier_grant = service.grant_for(tier)
    period = rules.period_of(day, service.period_for(tier), now.two_year_anchor)
    grant = now.grants.get(service.service_code)
    if (
        grant is not None
        and tier_grant is not None
        and (grant.period_start, grant.period_end) != (period.start, period.end)
    ):
        grant = None  # an older period shape; the tier's own period grant is created on first use
    beneficiaries = beneficiaries_of(service, tier, now.relatives, day, now.own_birth_date) if tier_grant else []
    reason = availability(service, now, beneficiaries)
    if grant is not None:
        quota, used, reserved = grant.quota, grant.used, grant.reserved
        period = rules.PeriodRange(grant.period_start, grant.period_end)
    else:
        quota = tier_grant.quota if tier_grant is not None else 0
        used = reserved = 0
    remaining = rules.remaining(quota, used, reserved)
    if tier_grant is None:
        quota, remaining = 0, 0
    return ServiceEntitlement(
        service_code=service.service_code,
        name=service.name,
        available=reason is None,
        reason=reason,
        quota=quota,
        used=used,
        reserved=reserved,
        remaining=remaining,
        period=service.period_for(tier),
        period_start=period.start,
        period_end=period.end,
        package=tier_grant.package if tier_grant else None,
        package_name=tier_grant.package_name if tier_grant else None,
        options=[Option.model_validate(o.model_dump()) for o in tier_grant.options] if tier_grant else [],
        designated_expert=tier_grant.designated_expert if tier_grant else False,
        sub_items=[i.model_dump() for i in service.sub_items] if tier_grant else [],
        bookable=service.bookable,
        beneficiaries=beneficiaries,
    )


async def ledger_view(
    session: AsyncSession,
    catalog: Catalog,
    customer_id: str,
    service_code: str,
    *,
    limit: int = DEFAULT_LIMIT,
    after: int | None = None,
) -> LedgerRead:
    """One page of the ledger, oldest first (cursor paging, ``vipkit.pagination``)."""
    service_or_404(catalog, service_code)
    rows = await repo.ledger_rows(session, customer_id, service_code, limit=limit + 1, after=after)
    found, next_cursor = page("ledger", rows, limit, lambda r: (r[0].id,))
    items = [mapping.ledger_entry_read(entry, grant) for entry, grant in found]
    return LedgerRead(customer_id=customer_id, service_code=service_code, next_cursor=next_cursor, items=items)
