"""Revisit's mapping (``mapping.py``): the policy document -> the rules' facts -> the new task row, and
free text masked for the audit views. Pure, no database."""

from __future__ import annotations

import datetime as dt

from contracts.events import PolicyChangedV1
from services.revisit import mapping, rules
from services.revisit.tests.helpers import at, policy_doc

SEEN = at("2026-05-08 15:31:00")


def changed(**overrides: object) -> PolicyChangedV1:
    doc = policy_doc("C1", **overrides)
    return PolicyChangedV1(
        policy_no="P1",
        change="created",
        holder_customer_id="C1",
        insured_customer_id=doc.insured.customer_id,
        first_policy_of_holder=True,
        policy=doc,
    )


def test_the_document_becomes_the_rules_facts_with_the_default_cooling_off_end() -> None:
    data = changed(cooling_off_end=None)
    facts = mapping.facts_of_document("P1", data.policy, holder_customer_id="C1", first_policy_of_holder=True)
    assert (facts.policy_no, facts.holder_customer_id, facts.holder_id_type) == ("P1", "C1", "resident_id")
    assert facts.cooling_off_end == dt.date(2026, 5, 24)  # effective 05-09 + 15 days
    given = mapping.facts_of_document("P1", changed().policy, holder_customer_id="C1", first_policy_of_holder=False)
    assert given.cooling_off_end == dt.date(2026, 5, 24) and given.first_policy_of_holder is False


def test_a_new_task_row_carries_the_schedule_the_rules_set() -> None:
    data = changed()
    facts = mapping.facts_of_document("P1", data.policy, holder_customer_id="C1", first_policy_of_holder=True)
    decision = rules.decide_task(facts, SEEN)
    row = mapping.task_row("rv1", data, facts, decision, SEEN)
    assert (row["id"], row["status"], row["electronic_open"], row["phone_reason"]) == ("rv1", "pending", True, None)
    assert row["first_sms_due_at"] == at("2026-05-09 10:00:00")
    assert row["escalation_due_at"] == at("2026-05-13 00:00:00")
    assert row["wechat_from"] == at("2026-05-10 00:00:00")  # first-time customer: effective date + 1 day
    assert row["holder_mobile"] == "13800138000" and row["identity_failures"] == 0
    passport = changed(holder={"id_type": "passport", "id_no": "E12345678"})
    facts = mapping.facts_of_document("P1", passport.policy, holder_customer_id="C1", first_policy_of_holder=True)
    row = mapping.task_row("rv2", passport, facts, rules.decide_task(facts, SEEN), SEEN)
    assert (row["status"], row["electronic_open"], row["phone_reason"]) == ("phone_queue", False, "not_eligible")


def test_free_text_is_masked_for_the_audit_views() -> None:
    assert mapping.masked_text("请打13800138000") == "请打138****8000"
    assert mapping.masked_text(None) is None
