"""Entitlements use cases: tier states into grants, reservations. Errors at the top.

The caller's session owns the transaction (request or consumer handler); these functions only add,
update and flush. Reads are in ``views``, relatives in ``relatives``, grants in ``grants``.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements import repository as repo
from services.entitlements import rules
from services.entitlements.catalog import Catalog, ServiceEntry
from services.entitlements.grants import current_grant, publish, service_or_404, sync_grants, tier_of, waiting_until
from services.entitlements.models import CustomerTier, Grant, Reservation
from vipkit import clock
from vipkit.problems import Conflict, IllegalTransition, NotEntitled, NotFound, QuotaExhausted, ValidationProblem

log = logging.getLogger("entitlements.service")

__all__ = ["IllegalTransition", "NotEntitled", "QuotaExhausted"]


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


def tier_values(state: TierState, source: str, now: dt.datetime) -> dict[str, Any]:
    """The stored columns of a tier state (``customer_tiers``), but the waiting anchor and birth date."""
    return {
        "program": state.program,
        "tier": state.tier,
        "status": state.status,
        "sequence": state.sequence,
        "score": str(state.score) if state.score is not None else None,
        "effective_at": state.effective_at,
        "source": source,
        "updated_at": now,
    }


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
    values = tier_values(state, source, now)
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


@dataclass
class ReservationView:
    reservation: Reservation
    remaining: int | None
    created: bool


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


async def check_may_reserve(
    session: AsyncSession,
    catalog: Catalog,
    service: ServiceEntry,
    snapshot: CustomerTier | None,
    customer_id: str,
    beneficiary_id: str | None,
    day: dt.date,
) -> None:
    """SPEC 3: the tier has the service, the waiting period is over, the beneficiary may use it."""
    tier = tier_of(snapshot)
    if service.grant_for(tier) is None:
        raise NotEntitled(
            f"{service.service_code} is not included at tier {tier!r}",
            tier=tier,
            tiers_with_service=list(service.tiers),
        )
    waiting = waiting_until(catalog, snapshot)
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
    service = service_or_404(catalog, service_code)
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id)
    tier = tier_of(snapshot)
    await check_may_reserve(session, catalog, service, snapshot, customer_id, beneficiary_id, day)
    grant = await current_grant(session, catalog, customer_id, service, tier, day)
    reservation_id = f"R{uuid.uuid4().hex}"
    now = clock.now()
    row: dict[str, Any] = {"id": reservation_id, "idempotency_key": idempotency_key, "customer_id": customer_id}
    row |= {"service_code": service_code, "beneficiary_id": beneficiary_id, "reference": reference}
    row |= {"grant_id": grant.id, "period_start": grant.period_start, "period_end": grant.period_end}
    row |= {"status": "reserved", "reason": None, "created_at": now, "updated_at": now}
    if not await repo.insert_reservation_ignore(session, row):  # a concurrent request with the same key won
        found = await _existing_for_key(session, idempotency_key, customer_id, service_code, beneficiary_id)
        assert found is not None
        return found
    grant = await take_unit(session, grant)
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
    await publish(session, grant, "reserved", reservation_id)
    reservation = Reservation(**row)  # what was just inserted (no read back)
    return ReservationView(reservation, rules.remaining(grant.quota, grant.used, grant.reserved), True)


async def take_unit(session: AsyncSession, grant: Grant) -> Grant:
    """One unit of the grant reserved (an atomic conditional update), or ``quota_exhausted``; the grant after."""
    taken = await repo.reserve_unit(session, grant.id)
    if taken is None:
        raise QuotaExhausted(
            f"no {grant.service_code} units left for {grant.period_start}..{grant.period_end}",
            quota=grant.quota,
            remaining=0,
            period_start=grant.period_start.isoformat(),
            period_end=grant.period_end.isoformat(),
        )
    return taken


async def settle(session: AsyncSession, reservation_id: str, *, consume: bool, reason: str) -> ReservationView:
    """Consume (completed, no-show, late cancel) or release (cancelled, rejected, failed) a unit, once."""
    to_status = "consumed" if consume else "released"
    if not await repo.transition_reservation(session, reservation_id, to_status=to_status, reason=reason):
        existing = await repo.get_reservation(session, reservation_id)
        if existing is None:
            raise NotFound(f"reservation {reservation_id!r} not found")
        if rules.settle_outcome(existing.status, to_status) != "replay":
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
    await publish(session, grant, f"{to_status}:{reason}", reservation_id)
    return ReservationView(reservation, rules.remaining(grant.quota, grant.used, grant.reserved), False)
