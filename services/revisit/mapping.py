"""Revisit's mapping in one place: the policy document or the stored task -> the rules' ``PolicyFacts``,
the rules' facts and decision -> the task row, and the rows -> the API schemas (identity and mobile
numbers masked, free text with its numbers masked)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from contracts.events import PolicyChangedV1
from contracts.policy import PolicyDocument
from services.revisit import rules
from services.revisit.models import (
    IdentityAttempt,
    PhoneQueueItem,
    RevisitLink,
    RevisitSession,
    RevisitTask,
    SubmissionAttempt,
)
from services.revisit.questionnaire_schemas import CustomerRevisitRead
from services.revisit.schemas import (
    IdentityAttemptRead,
    LinkInfo,
    PhoneItemRead,
    RefusedSubmissionRead,
    SessionAudit,
    TaskRead,
)
from vipkit.masking import mask_id_no, mask_mobile, mask_text


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


def masked_text(text: str | None) -> str | None:
    """Free text written by a customer or staff (remark, call note): ID and mobile numbers masked."""
    return mask_text(text) if text is not None else None


def task_read(t: RevisitTask) -> TaskRead:
    return TaskRead(
        task_id=t.id,
        policy_no=t.policy_no,
        customer_id=t.customer_id,
        status=t.status,
        outcome=t.outcome,
        electronic_eligible=t.electronic_eligible,
        electronic_open=t.electronic_open,
        phone_reason=t.phone_reason,
        close_reason=t.close_reason,
        holder_name=t.holder_name,
        holder_id_no=mask_id_no(t.holder_id_no),
        holder_mobile=mask_mobile(t.holder_mobile),
        product_name=t.product_name,
        product_kind=t.product_kind,
        channel=t.channel,
        payment_mode=t.payment_mode,
        payment_years=t.payment_years,
        coverage_years=t.coverage_years,
        annual_premium=f"{t.annual_premium:.2f}",
        underwritten_at=t.underwritten_at,
        effective_date=t.effective_date,
        cooling_off_end=t.cooling_off_end,
        first_policy_of_holder=t.first_policy_of_holder,
        first_sms_due_at=t.first_sms_due_at,
        first_sms_at=t.first_sms_at,
        second_sms_due_at=t.second_sms_due_at,
        second_sms_at=t.second_sms_at,
        escalation_due_at=t.escalation_due_at,
        wechat_from=t.wechat_from,
        identity_failures=t.identity_failures,
        identity_locked_until=t.identity_locked_until,
        created_at=t.created_at,
        updated_at=t.updated_at,
        completed_at=t.completed_at,
        closed_at=t.closed_at,
    )


def link_info(link: RevisitLink) -> LinkInfo:
    return LinkInfo(link_id=link.id, purpose=link.purpose, issued_at=link.issued_at, expires_at=link.expires_at)


def session_audit(s: RevisitSession) -> SessionAudit:
    return SessionAudit(
        session_id=s.id,
        status=s.status,
        identity_attempts=s.identity_attempts,
        identity_verified_at=s.identity_verified_at,
        questions=s.questions,
        shown_at=s.shown_at,
        min_seconds=s.min_seconds,
        too_fast_attempts=s.too_fast_attempts,
        answers=s.answers,
        remark=masked_text(s.remark),
        outcome=s.outcome,
        submitted_at=s.submitted_at,
        aborted_at=s.aborted_at,
        ip=s.ip,
        user_agent=s.user_agent,
        submit_ip=s.submit_ip,
        submit_user_agent=s.submit_user_agent,
    )


def refused_submission_read(a: SubmissionAttempt) -> RefusedSubmissionRead:
    return RefusedSubmissionRead(
        session_id=a.session_id,
        refusal=a.refusal,
        seconds_remaining=a.seconds_remaining,
        answers=a.answers,
        remark=masked_text(a.remark),
        ip=a.ip,
        user_agent=a.user_agent,
        at=a.at,
    )


def identity_attempt_read(a: IdentityAttempt) -> IdentityAttemptRead:
    return IdentityAttemptRead(matched=a.matched, locked=a.locked, ip=a.ip, user_agent=a.user_agent, at=a.at)


def phone_item_read(item: PhoneQueueItem, now: dt.datetime, task: RevisitTask | None = None) -> PhoneItemRead:
    return PhoneItemRead(
        item_id=item.id,
        task_id=item.task_id,
        policy_no=item.policy_no,
        customer_id=item.customer_id,
        reason=item.reason,
        status=item.status,
        callable_from=item.callable_from,
        callable_now=item.status == "open" and item.callable_from <= now and rules.is_office_time(now),
        office_hours=item.office_hours,
        holder_name=task.holder_name if task else None,
        holder_mobile=mask_mobile(task.holder_mobile) if task else None,
        answers=item.answers,
        remark=masked_text(item.remark),
        attempts=item.attempts,
        last_attempt_at=item.last_attempt_at,
        outcome=item.outcome,
        note=masked_text(item.note),
        created_at=item.created_at,
        closed_at=item.closed_at,
    )


def customer_revisit_read(t: RevisitTask) -> CustomerRevisitRead:
    return CustomerRevisitRead(
        task_id=t.id,
        policy_no=t.policy_no,
        product_name=t.product_name,
        status=t.status,
        underwritten_at=t.underwritten_at,
        effective_date=t.effective_date,
        available_from=t.wechat_from,
    )
