"""Revisit's mapping in one place: the policy document or the stored task -> the rules' ``PolicyFacts``,
and the rules' facts and decision -> the task row. The API schemas' ``of`` builders read the rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from contracts.events import PolicyChangedV1
from contracts.policy import PolicyDocument
from services.revisit import rules
from services.revisit.models import RevisitTask


def facts_of_document(
    policy_no: str, doc: PolicyDocument, *, holder_customer_id: str, first_policy_of_holder: bool
) -> rules.PolicyFacts:
    """The rules' view of a policy as ``policy.changed.v1`` carries it."""
    return rules.PolicyFacts(
        policy_no=policy_no,
        holder_customer_id=holder_customer_id,
        holder_name=doc.holder.name,
        holder_id_type=doc.holder.id_type.value,
        holder_id_no=doc.holder.id_no,
        holder_birth_date=doc.holder.birth_date,
        insured_name=doc.insured.name,
        insured_birth_date=doc.insured.birth_date,
        product_name=doc.product.name,
        product_kind=doc.product.kind.value,
        channel=doc.channel.value,
        payment_mode=doc.payment_mode.value,
        payment_years=doc.payment_years,
        coverage_years=doc.coverage_years,
        annual_premium=doc.annual_premium,
        status=doc.status.value,
        underwritten_at=doc.underwritten_at,
        effective_date=doc.effective_date,
        cooling_off_end=rules.cooling_off_end(doc.effective_date, doc.cooling_off_end),
        electronic_contract=doc.electronic_contract,
        first_policy_of_holder=first_policy_of_holder,
    )


def facts_of(task: RevisitTask) -> rules.PolicyFacts:
    """The rules' view of a stored task (the policy as it was when the task was created)."""
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


def task_row(
    task_id: str, data: PolicyChangedV1, facts: rules.PolicyFacts, decision: rules.TaskDecision, now: dt.datetime
) -> dict[str, Any]:
    """A new task's row: the policy's facts and the rules' schedule (SMS, escalation, WeChat)."""
    return {
        "id": task_id,
        "policy_no": data.policy_no,
        "customer_id": data.holder_customer_id,
        "status": decision.initial_status,
        "electronic_eligible": decision.electronic,
        "electronic_open": decision.electronic,
        "phone_reason": None if decision.electronic else "not_eligible",
        "holder_name": facts.holder_name,
        "holder_id_type": facts.holder_id_type,
        "holder_id_no": facts.holder_id_no,
        "holder_birth_date": facts.holder_birth_date,
        "holder_mobile": data.policy.holder.mobile,
        "insured_customer_id": data.insured_customer_id or data.policy.insured.customer_id,
        "insured_name": facts.insured_name,
        "insured_birth_date": facts.insured_birth_date,
        "product_code": data.policy.product.code,
        "product_name": facts.product_name,
        "product_kind": facts.product_kind,
        "channel": facts.channel,
        "payment_mode": facts.payment_mode,
        "payment_years": facts.payment_years,
        "coverage_years": facts.coverage_years,
        "annual_premium": facts.annual_premium,
        "underwritten_at": facts.underwritten_at,
        "effective_date": facts.effective_date,
        "cooling_off_end": facts.cooling_off_end,
        "electronic_contract": facts.electronic_contract,
        "first_policy_of_holder": facts.first_policy_of_holder,
        "first_sms_due_at": rules.first_sms_due(facts.underwritten_at),
        "escalation_due_at": rules.phone_escalation_due(facts.effective_date),
        "wechat_from": rules.wechat_available_from(
            facts.first_policy_of_holder, facts.effective_date, facts.underwritten_at
        ),
        "identity_failures": 0,
        "created_at": now,
        "updated_at": now,
    }
