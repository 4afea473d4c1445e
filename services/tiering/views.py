"""Tiering reads (SPEC 7): a policy, a customer's tier, its history, the explanation, the tier feed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from services.tiering import repository as repo
from services.tiering import rules
from services.tiering.mapping import facts_of
from services.tiering.models import Policy, TierStateRow
from services.tiering.programs import Program
from services.tiering.schemas import (
    ExplainPolicy,
    ExplainRead,
    FormulaTerm,
    NextTierRead,
    PendingDowngradeRead,
    PersonRead,
    PolicyRead,
    TierHistoryItem,
    TierHistoryRead,
    TierListItem,
    TierPage,
    TierRead,
)
from services.tiering.service import PolicyNotFound, TierNotFound
from vipkit.masking import mask_id_no, mask_mobile
from vipkit.pagination import page


def policy_read(row: Policy) -> PolicyRead:
    def person(role: str) -> PersonRead:
        return PersonRead(
            customer_id=getattr(row, f"{role}_customer_id"),
            name=getattr(row, f"{role}_name"),
            id_type=getattr(row, f"{role}_id_type"),
            id_no=mask_id_no(getattr(row, f"{role}_id_no")) or "",
            mobile=mask_mobile(getattr(row, f"{role}_mobile")),
            birth_date=getattr(row, f"{role}_birth_date"),
        )

    return PolicyRead.model_validate(
        {
            "policy_no": row.policy_no,
            "revision": row.revision,
            "version": row.source_version,
            "holder": person("holder"),
            "insured": person("insured"),
            "product": {"code": row.product_code, "name": row.product_name, "kind": row.product_kind},
            "channel": row.channel,
            "payment_mode": row.payment_mode,
            "annual_premium": Decimal(row.annual_premium).quantize(rules.CENT),
            "payment_years": row.payment_years,
            "coverage_years": row.coverage_years,
            "top_ups": [
                {"kind": t.kind, "amount": Decimal(t.amount).quantize(rules.CENT), "date": t.date} for t in row.top_ups
            ],
            "status": row.status,
            "underwritten_at": row.underwritten_at,
            "effective_date": row.effective_date,
            "cooling_off_end": row.cooling_off_end,
            "loan_or_pledge": row.loan_or_pledge,
            "electronic_contract": row.electronic_contract,
            "updated_at": row.updated_at,
        }
    )


async def get_policy(session: AsyncSession, policy_no: str) -> PolicyRead:
    row = await repo.get_policy(session, policy_no)
    if row is None:
        raise PolicyNotFound(f"policy {policy_no} not found")
    return policy_read(row)


def tier_read(program: Program, row: TierStateRow) -> TierRead:
    score = Decimal(row.score).quantize(rules.CENT)
    nxt = rules.next_tier(program, row.tier, score) if row.tier in program.rank else None
    return TierRead(
        customer_id=row.customer_id,
        program=row.program,
        tier=row.tier,
        tier_name=program.tier_name(row.tier) if row.tier in program.rank else row.tier,
        status=row.status,
        score=score,
        since=row.since,
        provisional_tier=row.provisional_tier,
        provisional_tier_name=program.tier_name(row.provisional_tier) if row.provisional_tier else None,
        provisional_until=row.provisional_until,
        pending_downgrade=PendingDowngradeRead(to=row.pending_to, at=row.pending_at)
        if row.pending_to and row.pending_at
        else None,
        next_tier=NextTierRead(tier=nxt[0], tier_name=program.tier_name(nxt[0]) or nxt[0], score_needed=nxt[1])
        if nxt
        else None,
        sequence=row.sequence,
    )


async def get_tier(session: AsyncSession, program: Program, customer_id: str) -> TierRead:
    row = await repo.get_state(session, customer_id)
    if row is None:
        raise TierNotFound("customer not found")
    return tier_read(program, row)


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
