"""Entitlements use cases: tier states into grants, reservations, reads, relatives. Errors at the top.

The caller's session owns the transaction (request or consumer handler); these functions only add,
update and flush. Every change of a grant's numbers writes a ledger row and an
``entitlement.changed.v1`` event in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import EntitlementChangedV1, Topic
from services.entitlements import repository as repo
from services.entitlements import rules
from services.entitlements.catalog import NO_TIER, Catalog, ServiceEntry
from services.entitlements.models import CustomerTier, Grant, Relative, Reservation
from vipkit import clock
from vipkit.events import add_event
from vipkit.masking import mask_id_no
from vipkit.problems import Conflict, NotFound, Problem, ValidationProblem

log = logging.getLogger("entitlements.service")
SOURCE = "entitlements"


class NotEntitled(Problem):
    status = 403
    code = "not_entitled"


class QuotaExhausted(Problem):
    status = 409
    code = "quota_exhausted"


class IllegalTransition(Problem):
    status = 409
    code = "illegal_transition"


class IdempotencyConflict(Conflict):
    """The same Idempotency-Key was used for a different request."""


class TierStateRejected(ValueError):
    """A tier state that cannot be applied (unknown program or tier): the consumer dead-letters it."""


# --- tier states into grants -----------------------------------------------------------------------
@dataclass
class TierState:
    customer_id: str
    program: str
    tier: str
    status: str
    sequence: int
    effective_at: dt.datetime
    score: Decimal | None = None
    birth_date: dt.date | None = None
    waiting_from: dt.date | None = None


@dataclass
class ApplyResult:
    applied: bool
    previous_tier: str | None = None
    previous_sequence: int | None = None
    grant_changes: list[str] = field(default_factory=list)


async def _publish(session: AsyncSession, grant: Grant, reason: str, reservation_id: str | None = None) -> None:
    await add_event(
        session,
        Topic.entitlement_changed.value,
        EntitlementChangedV1(
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
        ),
        key=grant.customer_id,
        source=SOURCE,
    )


async def _create_grant(
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
        quota_text = "unlimited" if quota is None else str(quota)
        await repo.add_ledger(
            session,
            grant,
            action="granted",
            units=0,
            reason=f"{reason}: {quota_text} for {period.start}..{period.end} at tier {tier}"
            + (f"; {carried} unit(s) already used in this period under the previous tier" if carried else ""),
            source=source,
        )
        await _publish(session, grant, reason)
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
            _, created = await _create_grant(
                session, catalog, customer_id, code, action.period, action.quota, tier, reason, source
            )
            if created:
                changes.append(f"{code}: granted {action.quota if action.quota is not None else 'unlimited'}")
            continue
        grant = current[code]
        await repo.set_grant_quota(session, grant.id, action.quota, tier)
        grant = await repo.get_grant(session, grant.id)
        before = "unlimited" if action.previous_quota is None else action.previous_quota
        after = "unlimited" if action.quota is None else action.quota
        note = "" if action.quota != 0 else " (not in this tier: no new reservations; existing ones stay honoured)"
        await repo.add_ledger(
            session,
            grant,
            action="quota_changed",
            units=0,
            reason=f"{reason}: quota {before} -> {after} at tier {tier}{note}",
            source=source,
        )
        await _publish(session, grant, reason)
        changes.append(f"{code}: quota {before} -> {after}")
    return changes


async def apply_tier_state(
    session: AsyncSession, catalog: Catalog, state: TierState, *, source: str, reason: str | None = None
) -> ApplyResult:
    """Apply a customer's tier state if it is newer than the stored one (SPEC 3.1 ordering).

    The stored row is locked (PostgreSQL) so concurrent appliers for one customer serialize.
    """
    if state.program != catalog.program:
        raise TierStateRejected(f"tier state of program {state.program!r}; the active one is {catalog.program!r}")
    if not catalog.has_tier(state.tier):
        raise TierStateRejected(f"unknown tier {state.tier!r} for program {catalog.program!r}")
    effective_date = state.effective_at.astimezone(clock.SHANGHAI).date()
    now = clock.now()
    previous = await repo.get_tier(session, state.customer_id, lock=True)
    values: dict[str, Any] = {
        "program": state.program,
        "tier": state.tier,
        "status": state.status,
        "sequence": state.sequence,
        "score": str(state.score) if state.score is not None else None,
        "effective_at": state.effective_at,
        "source": source,
        "updated_at": now,
    }
    anchor = state.waiting_from or effective_date
    if state.birth_date is not None:
        values["birth_date"] = state.birth_date
    if previous is None:
        values["entitled_since"] = rules.entitled_since(None, None, state.tier, anchor)
        if not await repo.insert_tier(session, {"customer_id": state.customer_id, **values}):
            previous = await repo.get_tier(session, state.customer_id, lock=True)
    from_tier = previous.tier if previous is not None else None
    from_sequence = previous.sequence if previous is not None else None
    if previous is not None:
        if not rules.is_newer(previous.sequence, state.sequence):
            log.info(
                "stale tier state ignored",
                extra={
                    "customer_id": state.customer_id,
                    "stored_sequence": previous.sequence,
                    "incoming_sequence": state.sequence,
                },
            )
            return ApplyResult(False, previous.tier, previous.sequence)
        values["entitled_since"] = rules.entitled_since(previous.tier, previous.entitled_since, state.tier, anchor)
        if not await repo.update_tier_if_newer(session, state.customer_id, values):
            return ApplyResult(False, previous.tier, previous.sequence)
    kind = rules.change_kind(catalog, from_tier, state.tier)
    why = reason or f"tier {kind} {from_tier or '-'} -> {state.tier} (sequence {state.sequence})"
    changes = await sync_grants(
        session, catalog, state.customer_id, state.tier, clock.today(), reason=why, source=source
    )
    return ApplyResult(True, from_tier, from_sequence, changes)


# --- reservations -----------------------------------------------------------------------------------
@dataclass
class ReservationView:
    reservation: Reservation
    remaining: int | None
    created: bool


def _service_or_404(catalog: Catalog, service_code: str) -> ServiceEntry:
    service = catalog.service(service_code)
    if service is None:
        raise NotFound(f"service {service_code!r} is not in the {catalog.program} catalog")
    return service


def _tier_of(snapshot: CustomerTier | None) -> str:
    return snapshot.tier if snapshot is not None else NO_TIER


def _waiting_until(catalog: Catalog, snapshot: CustomerTier | None) -> dt.date | None:
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
    grant, _ = await _create_grant(
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


def _same_request(r: Reservation, customer_id: str, service_code: str, beneficiary_id: str | None) -> bool:
    return (r.customer_id, r.service_code, r.beneficiary_id) == (customer_id, service_code, beneficiary_id)


async def _existing_for_key(
    session: AsyncSession, key: str, customer_id: str, service_code: str, beneficiary_id: str | None
) -> ReservationView | None:
    existing = await repo.reservation_by_key(session, key)
    if existing is None:
        return None
    if not _same_request(existing, customer_id, service_code, beneficiary_id):
        raise IdempotencyConflict(
            "Idempotency-Key was already used for a different reservation", reservation_id=existing.id
        )
    grant = await repo.get_grant(session, existing.grant_id)
    return ReservationView(existing, rules.remaining(grant.quota, grant.used, grant.reserved), False)


async def reserve(
    session: AsyncSession,
    catalog: Catalog,
    *,
    customer_id: str,
    service_code: str,
    beneficiary_id: str | None,
    reference: str | None,
    idempotency_key: str,
) -> ReservationView:
    """Reserve one unit (insert-on-conflict on the key; atomic conditional update of the grant)."""
    found = await _existing_for_key(session, idempotency_key, customer_id, service_code, beneficiary_id)
    if found is not None:
        return found
    service = _service_or_404(catalog, service_code)
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id)
    tier = _tier_of(snapshot)
    if service.grant_for(tier) is None:
        raise NotEntitled(
            f"{service_code} is not included at tier {tier!r}",
            tier=tier,
            tiers_with_service=list(service.tiers),
        )
    waiting = _waiting_until(catalog, snapshot)
    if waiting is not None and day < waiting:
        raise NotEntitled(
            f"waiting period: services may be used from {waiting.isoformat()}", available_from=waiting.isoformat()
        )
    self_problem = rules.self_as_relative_problem(customer_id, beneficiary_id)
    if self_problem is not None:
        raise ValidationProblem(f"beneficiary_id: {self_problem}", field="beneficiary_id")
    if beneficiary_id is not None:
        relative = await repo.get_relative(session, customer_id, beneficiary_id)
        if relative is None:
            raise NotFound(f"relative {beneficiary_id!r} not found")
        refusal = rules.beneficiary_refusal(
            service.beneficiaries_for(tier), rules.RelativeFacts(relative.relation, relative.birth_date), day
        )
    else:
        refusal = rules.beneficiary_refusal(
            service.beneficiaries_for(tier), None, day, own_birth_date=snapshot.birth_date if snapshot else None
        )
    if refusal is not None:
        raise NotEntitled(f"beneficiary not allowed: {refusal}")

    grant = await current_grant(session, catalog, customer_id, service, tier, day)
    reservation_id = f"R{uuid.uuid4().hex}"
    now = clock.now()
    inserted = await repo.insert_reservation_ignore(
        session,
        {
            "id": reservation_id,
            "idempotency_key": idempotency_key,
            "customer_id": customer_id,
            "service_code": service_code,
            "beneficiary_id": beneficiary_id,
            "reference": reference,
            "grant_id": grant.id,
            "period_start": grant.period_start,
            "period_end": grant.period_end,
            "status": "reserved",
            "reason": None,
            "created_at": now,
            "updated_at": now,
        },
    )
    if not inserted:  # a concurrent request with the same key won
        found = await _existing_for_key(session, idempotency_key, customer_id, service_code, beneficiary_id)
        assert found is not None
        return found
    if not await repo.reserve_unit(session, grant.id):
        raise QuotaExhausted(
            f"no {service_code} units left for {grant.period_start}..{grant.period_end}",
            quota=grant.quota,
            remaining=0,
            period_start=grant.period_start.isoformat(),
            period_end=grant.period_end.isoformat(),
        )
    grant = await repo.get_grant(session, grant.id)
    who = "holder" if beneficiary_id is None else f"relative {beneficiary_id}"
    await repo.add_ledger(
        session,
        grant,
        reservation_id=reservation_id,
        action="reserved",
        units=1,
        reason=f"reserved for {who}" + (f" (booking {reference})" if reference else ""),
        source=reference,
    )
    await _publish(session, grant, "reserved", reservation_id)
    reservation = await repo.get_reservation(session, reservation_id)
    assert reservation is not None
    return ReservationView(reservation, rules.remaining(grant.quota, grant.used, grant.reserved), True)


async def settle(session: AsyncSession, reservation_id: str, *, consume: bool, reason: str) -> ReservationView:
    """Consume (completed, no-show, late cancel) or release (cancelled, rejected, failed) a unit, once."""
    to_status = "consumed" if consume else "released"
    if not await repo.transition_reservation(session, reservation_id, to_status=to_status, reason=reason):
        existing = await repo.get_reservation(session, reservation_id)
        if existing is None:
            raise NotFound(f"reservation {reservation_id!r} not found")
        if existing.status != to_status:
            raise IllegalTransition(
                f"reservation is {existing.status}; it cannot become {to_status}", current_status=existing.status
            )
        grant = await repo.get_grant(session, existing.grant_id)
        return ReservationView(existing, rules.remaining(grant.quota, grant.used, grant.reserved), False)
    reservation = await repo.get_reservation(session, reservation_id)
    assert reservation is not None
    await repo.settle_unit(session, reservation.grant_id, consume=consume)
    grant = await repo.get_grant(session, reservation.grant_id)
    await repo.add_ledger(
        session,
        grant,
        reservation_id=reservation_id,
        action=to_status,
        units=1,
        reason=f"{to_status}: {reason}" + (f" (booking {reservation.reference})" if reservation.reference else ""),
        source=reservation.reference,
    )
    await _publish(session, grant, f"{to_status}:{reason}", reservation_id)
    return ReservationView(reservation, rules.remaining(grant.quota, grant.used, grant.reserved), False)


# --- reads --------------------------------------------------------------------------------------------
def _relative_view(relative: Relative, day: dt.date) -> dict[str, Any]:
    return {
        "relative_id": relative.relative_id,
        "customer_id": relative.customer_id,
        "name": relative.name,
        "relation": relative.relation,
        "id_no": mask_id_no(relative.id_no),
        "birth_date": relative.birth_date.isoformat(),
        "age": rules.age_on(relative.birth_date, day),
        "designated_at": relative.designated_at.astimezone(clock.SHANGHAI).isoformat(),
    }


def _beneficiaries(
    service: ServiceEntry, tier: str, relatives: list[Relative], day: dt.date, own_birth_date: dt.date | None
) -> list[dict[str, Any]]:
    allowed = service.beneficiaries_for(tier)
    out: list[dict[str, Any]] = []
    if rules.beneficiary_refusal(allowed, None, day, own_birth_date=own_birth_date) is None:
        out.append({"beneficiary_id": None, "kind": "holder", "name": "本人", "relation": None})
    for rel in relatives:
        if rules.beneficiary_refusal(allowed, rules.RelativeFacts(rel.relation, rel.birth_date), day) is None:
            out.append(
                {"beneficiary_id": rel.relative_id, "kind": "relative", "name": rel.name, "relation": rel.relation}
            )
    return out


async def entitlements_view(session: AsyncSession, catalog: Catalog, customer_id: str) -> dict[str, Any]:
    """SPEC 7 read: per catalog service its numbers for the current period, availability and beneficiaries."""
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id)
    tier = _tier_of(snapshot)
    waiting = _waiting_until(catalog, snapshot)
    own_birth_date = snapshot.birth_date if snapshot else None
    grants = await repo.grants_containing(session, customer_id, day)
    relatives = list(await repo.list_relatives(session, customer_id))
    services = []
    for service in catalog.services:
        tier_grant = service.grant_for(tier)
        period = rules.period_of(day, service.period_for(tier), catalog.two_year_anchor)
        grant = grants.get(service.service_code)
        if (
            grant is not None
            and tier_grant is not None
            and (grant.period_start, grant.period_end)
            != (
                period.start,
                period.end,
            )
        ):
            grant = None  # an older period shape; the tier's own period grant is created on first use
        available, reason = True, None
        if tier_grant is None:
            available = False
            reason = f"not included at tier {tier} (tiers: {', '.join(service.tiers)})"
        elif waiting is not None and day < waiting:
            available = False
            reason = f"waiting period until {waiting.isoformat()}"
        beneficiaries = _beneficiaries(service, tier, relatives, day, own_birth_date) if tier_grant else []
        if available and not beneficiaries:
            available = False
            own = rules.beneficiary_refusal(service.beneficiaries_for(tier), None, day, own_birth_date=own_birth_date)
            reason = f"no beneficiary may use it: {own or 'no designated relative allowed'}"
        if grant is not None:
            quota, used, reserved = grant.quota, grant.used, grant.reserved
            period = rules.PeriodRange(grant.period_start, grant.period_end)
        else:
            quota = tier_grant.quota if tier_grant is not None else 0
            used = reserved = 0
        remaining = rules.remaining(quota, used, reserved)
        if tier_grant is None:
            quota, remaining = 0, 0
        services.append(
            {
                "service_code": service.service_code,
                "name": service.name,
                "available": available,
                "reason": reason,
                "quota": quota,
                "used": used,
                "reserved": reserved,
                "remaining": remaining,
                "period": service.period_for(tier),
                "period_start": period.start.isoformat(),
                "period_end": period.end.isoformat(),
                "package": tier_grant.package if tier_grant else None,
                "package_name": tier_grant.package_name if tier_grant else None,
                "options": [o.model_dump() for o in tier_grant.options] if tier_grant else [],
                "designated_expert": tier_grant.designated_expert if tier_grant else False,
                "sub_items": [i.model_dump() for i in service.sub_items] if tier_grant else [],
                "bookable": service.bookable,
                "beneficiaries": beneficiaries,
            }
        )
    return {
        "customer_id": customer_id,
        "program": catalog.program,
        "tier": tier,
        "tier_status": snapshot.status if snapshot else None,
        "tier_sequence": snapshot.sequence if snapshot else None,
        "waiting_until": waiting.isoformat() if waiting else None,
        "as_of": day.isoformat(),
        "services": services,
    }


async def ledger_view(session: AsyncSession, catalog: Catalog, customer_id: str, service_code: str) -> dict[str, Any]:
    _service_or_404(catalog, service_code)
    rows = await repo.ledger_rows(session, customer_id, service_code)
    return {
        "customer_id": customer_id,
        "service_code": service_code,
        "entries": [
            {
                "id": entry.id,
                "at": entry.created_at.astimezone(clock.SHANGHAI).isoformat(),
                "action": entry.action,
                "units": entry.units,
                "reservation_id": entry.reservation_id,
                "period_start": grant.period_start.isoformat(),
                "period_end": grant.period_end.isoformat(),
                "quota": entry.quota,
                "used": entry.used,
                "reserved": entry.reserved,
                "remaining": rules.remaining(entry.quota, entry.used, entry.reserved),
                "reason": entry.reason,
            }
            for entry, grant in rows
        ],
    }


# --- relatives ------------------------------------------------------------------------------------
async def designate_relative(
    session: AsyncSession,
    catalog: Catalog,
    customer_id: str,
    relative_id: str,
    *,
    name: str,
    relation: str,
    id_no: str,
    birth_date: dt.date,
) -> tuple[dict[str, Any], bool]:
    """Designate (or, where the program allows, update) a relative; returns (view, created)."""
    self_problem = rules.self_as_relative_problem(customer_id, relative_id)
    if self_problem is not None:
        raise ValidationProblem(f"relative_id: {self_problem}", field="relative_id")
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id, lock=True)  # serializes the count check
    existing = await repo.get_relative(session, customer_id, relative_id)
    same = existing is not None and (existing.name, existing.relation, existing.id_no, existing.birth_date) == (
        name,
        relation,
        id_no,
        birth_date,
    )
    decision = rules.designation_decision(
        catalog.relatives,
        tier=_tier_of(snapshot),
        relation=relation,
        birth_date=birth_date,
        day=day,
        existing_count=await repo.count_relatives(session, customer_id),
        existing=rules.RelativeFacts(existing.relation, existing.birth_date) if existing else None,
        same_as_existing=same,
    )
    if decision.code == "validation_error":
        raise ValidationProblem(decision.detail)
    if decision.code == "not_entitled":
        raise NotEntitled(decision.detail)
    if decision.code == "conflict":
        raise Conflict(decision.detail)
    now = clock.now()
    created = False
    if existing is None:
        created = await repo.insert_relative_ignore(
            session,
            {
                "customer_id": customer_id,
                "relative_id": relative_id,
                "name": name,
                "relation": relation,
                "id_no": id_no,
                "birth_date": birth_date,
                "designated_at": now,
                "updated_at": now,
            },
        )
        if not created:
            raise Conflict("the relative was designated concurrently; retry")
        limit = catalog.relatives.max_count
        if limit is not None and await repo.count_relatives(session, customer_id) > limit:
            raise Conflict(f"at most {catalog.relatives.max_count} relatives may be designated")
    elif not same:
        await repo.update_relative(
            session,
            customer_id,
            relative_id,
            {"name": name, "relation": relation, "id_no": id_no, "birth_date": birth_date, "updated_at": now},
        )
    relative = await repo.get_relative(session, customer_id, relative_id)
    assert relative is not None
    log.info(
        "relative designated" if created else "relative updated",
        extra={"customer_id": customer_id, "relative_id": relative_id, "relation": relation},
    )
    return relative_with_services(catalog, _tier_of(snapshot), relative, day), created


def relative_with_services(catalog: Catalog, tier: str, relative: Relative, day: dt.date) -> dict[str, Any]:
    view = _relative_view(relative, day)
    facts = rules.RelativeFacts(relative.relation, relative.birth_date)
    view["services"] = [
        s.service_code
        for s in catalog.services_for(tier)
        if rules.beneficiary_refusal(s.beneficiaries_for(tier), facts, day) is None
    ]
    return view


async def relatives_view(session: AsyncSession, catalog: Catalog, customer_id: str) -> dict[str, Any]:
    day = clock.today()
    tier = _tier_of(await repo.get_tier(session, customer_id))
    relatives = await repo.list_relatives(session, customer_id)
    return {
        "customer_id": customer_id,
        "tier": tier,
        "max_count": catalog.relatives.max_count,
        "fixed_once_designated": catalog.relatives.fixed_once_designated,
        "items": [relative_with_services(catalog, tier, r, day) for r in relatives],
    }
