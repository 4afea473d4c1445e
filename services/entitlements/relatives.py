"""Designated relatives (SPEC 3.2): designate or update, list, with the services each may use."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements import mapping, rules
from services.entitlements import repository as repo
from services.entitlements.catalog import Catalog
from services.entitlements.grants import tier_of
from services.entitlements.models import Relative
from services.entitlements.schemas import RelativeRead, RelativesRead
from vipkit import clock
from vipkit.problems import Conflict, NotEntitled, ValidationProblem

log = logging.getLogger("entitlements.service")


@dataclass(frozen=True)
class Person:
    """Who is designated: what the customer tells about the relative."""

    name: str
    relation: str
    id_no: str
    birth_date: dt.date

    def same_as(self, row: Relative) -> bool:
        return (row.name, row.relation, row.id_no, row.birth_date) == (
            self.name,
            self.relation,
            self.id_no,
            self.birth_date,
        )


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
) -> tuple[RelativeRead, bool]:
    """Designate (or, where the program allows, update) a relative; returns (view, created)."""
    self_problem = rules.self_as_relative_problem(customer_id, relative_id)
    if self_problem is not None:
        raise ValidationProblem(f"relative_id: {self_problem}", field="relative_id")
    person = Person(name, relation, id_no, birth_date)
    day = clock.today()
    snapshot = await repo.get_tier(session, customer_id, lock=True)  # serializes the count check
    existing = await repo.get_relative(session, customer_id, relative_id)
    same = existing is not None and person.same_as(existing)
    decision = rules.designation_decision(
        catalog.relatives,
        tier=tier_of(snapshot),
        relation=relation,
        birth_date=birth_date,
        day=day,
        existing_count=await repo.count_relatives(session, customer_id),
        existing=mapping.relative_facts(existing) if existing else None,
        same_as_existing=same,
    )
    raise_refusal(decision)
    created = existing is None
    if created:
        await _insert(session, catalog, customer_id, relative_id, person)
    elif not same:
        await repo.update_relative(
            session, customer_id, relative_id, dataclasses.asdict(person) | {"updated_at": clock.now()}
        )
    relative = await repo.get_relative(session, customer_id, relative_id)
    assert relative is not None
    log.info(
        "relative designated" if created else "relative updated",
        extra={"customer_id": customer_id, "relative_id": relative_id, "relation": relation},
    )
    return relative_with_services(catalog, tier_of(snapshot), relative, day), created


def raise_refusal(decision: rules.DesignationDecision) -> None:
    """The rules' refusal as its problem (SPEC 7.1 codes); nothing when the designation may go on."""
    if decision.code == "validation_error":
        raise ValidationProblem(decision.detail)
    if decision.code == "not_entitled":
        raise NotEntitled(decision.detail)
    if decision.code == "conflict":
        raise Conflict(decision.detail)


async def _insert(session: AsyncSession, catalog: Catalog, customer_id: str, relative_id: str, person: Person) -> None:
    """A new designation; the count is checked again after the insert (two at once cannot both pass)."""
    now = clock.now()
    row: dict[str, object] = {"customer_id": customer_id, "relative_id": relative_id, "designated_at": now}
    row |= dataclasses.asdict(person) | {"updated_at": now}
    if not await repo.insert_relative_ignore(session, row):
        raise Conflict("the relative was designated concurrently; retry")
    limit = catalog.relatives.max_count
    if limit is not None and await repo.count_relatives(session, customer_id) > limit:
        raise Conflict(f"at most {catalog.relatives.max_count} relatives may be designated")


def relative_with_services(catalog: Catalog, tier: str, relative: Relative, day: dt.date) -> RelativeRead:
    facts = mapping.relative_facts(relative)
    services = [
        s.service_code
        for s in catalog.services_for(tier)
        if rules.beneficiary_refusal(s.beneficiaries_for(tier), facts, day) is None
    ]
    return mapping.relative_read(relative, day, services)


async def relatives_view(session: AsyncSession, catalog: Catalog, customer_id: str) -> RelativesRead:
    day = clock.today()
    tier = tier_of(await repo.get_tier(session, customer_id))
    relatives = await repo.list_relatives(session, customer_id)
    return RelativesRead(
        customer_id=customer_id,
        tier=tier,
        max_count=catalog.relatives.max_count,
        fixed_once_designated=catalog.relatives.fixed_once_designated,
        items=[relative_with_services(catalog, tier, r, day) for r in relatives],
    )
