"""Policy validation (``validation.py``, SPEC 7 policy body): GB 11643 resident ID check digits and the
business rules a document must meet (named fields). Pure, no I/O; the HTTP 422 answers are in
``test_api.py``."""

from __future__ import annotations

import pytest

from contracts.policy import PolicyDocument
from services.tiering import validation


@pytest.mark.parametrize(
    ("id_no", "ok"),
    [
        ("110101199001011237", True),
        ("11010519491231002X", True),
        ("11010519491231002x", True),
        ("110101199001011234", False),  # wrong check digit (the SPEC body's sample number)
        ("110101199002301237", False),  # 30 Feb
        ("11010119900101123", False),
        ("1101011990010112AB", False),
    ],
)
def test_gb11643_check_digit(id_no: str, ok: bool) -> None:
    assert (validation.resident_id_problem(id_no) is None) is ok


def _doc(**changes: object) -> PolicyDocument:
    person = {
        "customer_id": "C1",
        "name": "丁华清",
        "id_type": "resident_id",
        "id_no": "110101199001011237",
        "mobile": "13800138000",
        "birth_date": "1990-01-01",
    }
    body: dict[str, object] = {
        "holder": dict(person),
        "insured": dict(person),
        "product": {"code": "X", "name": "X", "kind": "traditional"},
        "channel": "agency",
        "payment_mode": "regular",
        "annual_premium": "3233.00",
        "payment_years": 20,
        "status": "in_force",
        "underwritten_at": "2026-05-08T15:30:00+08:00",
        "effective_date": "2026-05-09",
    }
    body.update(changes)
    return PolicyDocument.model_validate(body)


def test_policy_business_errors_name_the_field() -> None:
    assert validation.policy_business_errors(_doc(), subject="holder") == []
    errs = validation.policy_business_errors(_doc(cooling_off_end="2026-05-01"), subject="holder")
    assert [e.field for e in errs] == ["cooling_off_end"]
    holder = {"name": "A", "id_type": "resident_id", "id_no": "110101199001011234", "birth_date": "1990-01-01"}
    errs = validation.policy_business_errors(_doc(holder=holder), subject="holder")
    assert [e.field for e in errs] == ["holder.id_no", "holder.customer_id"]
    insured = {"name": "A", "id_type": "passport", "id_no": "E1234567", "birth_date": "1990-01-01"}
    assert validation.policy_business_errors(_doc(insured=insured), subject="holder") == []
    assert [e.field for e in validation.policy_business_errors(_doc(insured=insured), subject="insured")] == [
        "insured.customer_id"
    ]
