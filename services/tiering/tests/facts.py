"""Policy facts for the pure tiering tests (test_rules, test_scoring): one in-force agency policy by default."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.tiering.scoring import PolicyFacts, TopUpFact

D = dt.date


def pol(
    no: str = "P1",
    premium: str = "10000.00",
    years: int = 10,
    *,
    kind: str = "traditional",
    channel: str = "agency",
    mode: str = "regular",
    status: str = "in_force",
    eff: dt.date = D(2026, 1, 10),
    coe: dt.date | None = None,
    holder: str = "C1",
    insured: str | None = "C1",
    loan: bool = False,
    top_ups: tuple[TopUpFact, ...] = (),
    holder_birth: dt.date | None = None,
    insured_birth: dt.date | None = None,
    reinstated_on: dt.date | None = None,
) -> PolicyFacts:
    return PolicyFacts(
        policy_no=no,
        holder_id=holder,
        insured_id=insured,
        product_kind=kind,
        channel=channel,
        payment_mode=mode,
        annual_premium=Decimal(premium),
        payment_years=years,
        status=status,
        effective_date=eff,
        cooling_off_end=coe or eff + dt.timedelta(days=15),
        loan_or_pledge=loan,
        top_ups=top_ups,
        holder_mobile="13800138000",
        insured_mobile="13900139000",
        holder_birth_date=holder_birth,
        insured_birth_date=insured_birth,
        reinstated_on=reinstated_on,
    )
