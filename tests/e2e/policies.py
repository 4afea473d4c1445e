"""Policy documents for the journeys (SPEC 7 body) with valid GB 11643 ID numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from contracts.policy import resident_id


def person(customer_id: str, name: str, birth: str, seq: int, mobile: str = "13800138000") -> dict[str, Any]:
    birth_date = dt.date.fromisoformat(birth)
    return {
        "customer_id": customer_id,
        "name": name,
        "id_type": "resident_id",
        "id_no": resident_id(birth_date, seq),
        "mobile": mobile,
        "birth_date": birth,
    }


def policy_body(
    holder: dict[str, Any],
    *,
    premium: str,
    effective: str,
    underwritten: str,
    insured: dict[str, Any] | None = None,
    channel: str = "agency",
    status: str = "in_force",
    product_kind: str = "traditional",
    coverage_years: int | None = None,
) -> dict[str, Any]:
    eff = dt.date.fromisoformat(effective)
    return {
        "holder": holder,
        "insured": insured or holder,
        "product": {"code": "CSFYJ-1", "name": "长生福优加重大疾病保险（计划一）", "kind": product_kind},
        "channel": channel,
        "payment_mode": "regular",
        "annual_premium": premium,
        "payment_years": 10,
        "coverage_years": coverage_years,
        "top_ups": [],
        "status": status,
        "underwritten_at": underwritten,
        "effective_date": effective,
        "cooling_off_end": (eff + dt.timedelta(days=15)).isoformat(),
        "loan_or_pledge": False,
        "electronic_contract": True,
    }
