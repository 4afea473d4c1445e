"""Tiering reads (SPEC 7): a policy, a customer's tier, its history, the explanation, the tier feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from services.tiering import mapping, rules
from services.tiering import repository as repo
from services.tiering.mapping import facts_of
from services.tiering.programs import Program
from services.tiering.schemas import (
    ExplainPolicy,
    ExplainRead,
    FormulaTerm,
    PolicyRead,
    TierHistoryItem,
    TierHistoryRead,
    TierListItem,
    TierPage,
    TierRead,
)
from services.tiering.service import PolicyNotFound, TierNotFound
from vipkit.pagination import page


async def get_policy(session: AsyncSession, policy_no: str) -> PolicyRead:
    row = await repo.get_policy(session, policy_no)
    if row is None:
        raise PolicyNotFound(f"policy {policy_no} not found")
    return mapping.policy_read(row)


async def get_tier(session: AsyncSession, program: Program, customer_id: str) -> TierRead:
    row = await repo.get_state(session, customer_id)
    if row is None:
        raise TierNotFound("customer not found")
    return mapping.tier_read(program, row)


async def get_history(
    session: AsyncSession, program: Program, customer_id: str, *, limit: int, after: int | None
) -> TierHistoryRead:
    """One page of the customer's history, oldest first (keyset on the row id)."""
    row = await repo.get_state(session, customer_id)
    if row is None:
        raise TierNotFound("customer not found")
    rows = await repo.list_history(session, customer_id, limit=limit + 1, after=after)
    items, next_cursor = page("tier-history", rows, limit, lambda h: (h.id,))
    return TierHistoryRead(
        customer_id=customer_id,
        program=row.program,
        next_cursor=next_cursor,
        items=[
            TierHistoryItem(
                kind=h.kind,
                from_tier=h.from_tier,
                to_tier=h.to_tier,
                reason=h.reason,
                status=h.status,
                score=Decimal(h.score).quantize(rules.CENT),
                sequence=h.sequence,
                detail=h.detail,
                effective_at=h.effective_at,
            )
            for h in items
        ],
    )


async def explain(session: AsyncSession, program: Program, customer_id: str, as_of: dt.date) -> ExplainRead:
    own = (await repo.subject_policies(session, program.subject, [customer_id])).get(customer_id, [])
    if not own:
        raise TierNotFound("customer not found")
    rating = rules.rate(program, [facts_of(p) for p in own], as_of)
    by_no = {p.policy_no: p for p in own}
    policies = []
    for a in rating.assessments:
        row = by_no[a.policy.policy_no]
        policies.append(
            ExplainPolicy(
                policy_no=row.policy_no,
                product_code=row.product_code,
                product_name=row.product_name,
                product_kind=row.product_kind,
                channel=row.channel,
                status=row.status,
                effective_date=row.effective_date,
                cooling_off_end=row.cooling_off_end,
                counted=a.counting == "counted",
                counting=a.counting,
                standard_premium=a.standard_premium,
                formula=a.formula.expression,
                terms=[FormulaTerm(name=n, value=v) for n, v in a.formula.terms],
                reason_not_counted=a.reason,
            )
        )
    return ExplainRead(
        customer_id=customer_id,
        program=program.program,
        as_of=as_of,
        subject=program.subject,
        score=rating.score,
        tier=rating.tier,
        provisional_score=rating.provisional_score,
        provisional_tier=rating.provisional_tier,
        policies=policies,
    )


async def tiers_page(session: AsyncSession, after: str, limit: int) -> TierPage:
    rows, next_cursor = page(
        "tiers", await repo.tiers_page(session, after, limit + 1), limit, lambda r: (r.customer_id,)
    )
    items = [
        TierListItem(
            customer_id=r.customer_id,
            program=r.program,
            tier=r.tier,
            status=r.status,
            score=Decimal(r.score).quantize(rules.CENT),
            since=r.since,
            sequence=r.sequence,
        )
        for r in rows
    ]
    return TierPage(items=items, next_cursor=next_cursor)
