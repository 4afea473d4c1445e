"""Entitlements' mapping in one place: rows -> the rules' values, rows -> the API schemas.

The use cases load rows (``repository.py``), hand the rules (``rules.py``) plain values built here,
and return the schemas built here; the routers return them as they are.
"""

from __future__ import annotations

import datetime as dt

from services.entitlements import rules
from services.entitlements.models import Grant, LedgerEntry, Relative, Reservation
from services.entitlements.schemas import Beneficiary, LedgerEntryRead, RelativeRead, ReservationRead
from vipkit import clock
from vipkit.dates import age_on
from vipkit.masking import mask_id_no

#: the customer themself as a beneficiary (``beneficiary_id`` null)
HOLDER = Beneficiary(beneficiary_id=None, kind="holder", name="本人", relation=None)


def relative_facts(relative: Relative) -> rules.RelativeFacts:
    return rules.RelativeFacts(relative.relation, relative.birth_date)


def beneficiary(relative: Relative) -> Beneficiary:
    return Beneficiary(
        beneficiary_id=relative.relative_id, kind="relative", name=relative.name, relation=relative.relation
    )


def relative_read(relative: Relative, day: dt.date, services: list[str]) -> RelativeRead:
    """A designated relative, masked, with their age on ``day`` and the services they may use."""
    return RelativeRead(
        relative_id=relative.relative_id,
        customer_id=relative.customer_id,
        name=relative.name,
        relation=relative.relation,
        id_no=mask_id_no(relative.id_no) or "",
        birth_date=relative.birth_date,
        age=age_on(relative.birth_date, day),
        designated_at=relative.designated_at.astimezone(clock.SHANGHAI),
        services=services,
    )


def reservation_read(reservation: Reservation, remaining: int | None) -> ReservationRead:
    r = reservation
    return ReservationRead(
        reservation_id=r.id,
        status=r.status,  # type: ignore[arg-type]
        customer_id=r.customer_id,
        service_code=r.service_code,
        beneficiary_id=r.beneficiary_id,
        reference=r.reference,
        period_start=r.period_start,
        period_end=r.period_end,
        remaining=remaining,
        reason=r.reason,
        created_at=r.created_at.astimezone(clock.SHANGHAI),
        updated_at=r.updated_at.astimezone(clock.SHANGHAI),
    )


def ledger_entry_read(entry: LedgerEntry, grant: Grant) -> LedgerEntryRead:
    return LedgerEntryRead(
        id=entry.id,
        at=entry.created_at.astimezone(clock.SHANGHAI),
        action=entry.action,
        units=entry.units,
        reservation_id=entry.reservation_id,
        period_start=grant.period_start,
        period_end=grant.period_end,
        quota=entry.quota,
        used=entry.used,
        reserved=entry.reserved,
        remaining=rules.remaining(entry.quota, entry.used, entry.reserved),
        reason=entry.reason,
    )
