"""Row <-> rules mapping for tiering: the one place a stored policy becomes the rules' ``PolicyFacts``."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from services.tiering.models import Policy
from services.tiering.scoring import CENT, PolicyFacts, TopUpFact


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
