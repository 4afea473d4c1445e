"""Tiering's mapping in one place: a stored policy -> the rules' ``PolicyFacts`` (the one builder), and
the stored policy and tier state -> the API schemas (identity and mobile numbers masked)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from services.tiering import rules
from services.tiering.models import Policy, TierStateRow
from services.tiering.programs import Program
from services.tiering.schemas import NextTierRead, PendingDowngradeRead, PersonRead, PolicyRead, TierRead
from services.tiering.scoring import CENT, PolicyFacts, TopUpFact
from vipkit.masking import mask_id_no, mask_mobile


def money(value: Any) -> Decimal:
    """A stored amount as the rules read it (0.01 CNY)."""
    return Decimal(value).quantize(CENT)


def top_up_fact(row: Any) -> TopUpFact:
    """A stored top-up (ORM object or result row with ``kind``, ``amount``, ``date``)."""
    return TopUpFact(row.kind, money(row.amount), row.date)


def policy_facts(row: Any, top_ups: Iterable[TopUpFact]) -> PolicyFacts:
    """The rules' view of a stored policy (an ORM ``Policy`` or a result row with the same columns)."""
    return PolicyFacts(
        policy_no=row.policy_no,
        holder_id=row.holder_customer_id,
        insured_id=row.insured_customer_id,
        product_kind=row.product_kind,
        channel=row.channel,
        payment_mode=row.payment_mode,
        annual_premium=money(row.annual_premium),
        payment_years=row.payment_years,
        status=row.status,
        effective_date=row.effective_date,
        cooling_off_end=row.cooling_off_end,
        loan_or_pledge=row.loan_or_pledge,
        top_ups=tuple(top_ups),
        holder_mobile=row.holder_mobile,
        insured_mobile=row.insured_mobile,
        underwritten_at=row.underwritten_at,
        holder_birth_date=row.holder_birth_date,
        insured_birth_date=row.insured_birth_date,
        reinstated_on=row.reinstated_on,
    )


def facts_of(row: Policy) -> PolicyFacts:
    """A loaded ``Policy`` with its top-ups."""
    return policy_facts(row, (top_up_fact(t) for t in row.top_ups))


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
