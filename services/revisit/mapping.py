"""Row <-> rules mapping for revisit: the one place a stored task becomes the rules' policy facts."""

from __future__ import annotations

from services.revisit import rules
from services.revisit.models import RevisitTask


def facts_of(task: RevisitTask) -> rules.PolicyFacts:
    return rules.PolicyFacts(
        policy_no=task.policy_no,
        holder_customer_id=task.customer_id,
        holder_name=task.holder_name,
        holder_id_type=task.holder_id_type,
        holder_id_no=task.holder_id_no,
        holder_birth_date=task.holder_birth_date,
        insured_name=task.insured_name,
        insured_birth_date=task.insured_birth_date,
        product_name=task.product_name,
        product_kind=task.product_kind,
        channel=task.channel,
        payment_mode=task.payment_mode,
        payment_years=task.payment_years,
        coverage_years=task.coverage_years,
        annual_premium=task.annual_premium,
        status="in_force",
        underwritten_at=task.underwritten_at,
        effective_date=task.effective_date,
        cooling_off_end=task.cooling_off_end,
        electronic_contract=task.electronic_contract,
        first_policy_of_holder=task.first_policy_of_holder,
    )
