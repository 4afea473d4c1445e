"""The policy document as the core system sends it (SPEC 7, policy body).

Used by the tiering intake API and by the ``core.policy-events.v1`` / ``policy.changed.v1`` events.
Validation here is structural (enums, decimals, dates); business checks (GB 11643 check digit,
cooling-off order) live in the tiering service's rules.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class IdType(StrEnum):
    resident_id = "resident_id"
    passport = "passport"
    hk_macau_permit = "hk_macau_permit"
    taiwan_permit = "taiwan_permit"
    foreign_permanent = "foreign_permanent"
    other = "other"


class ProductKind(StrEnum):
    traditional = "traditional"
    participating = "participating"
    health = "health"
    accident = "accident"
    investment_linked = "investment_linked"
    universal = "universal"


class Channel(StrEnum):
    agency = "agency"
    bancassurance = "bancassurance"
    direct = "direct"
    broker = "broker"
    group = "group"


class PaymentMode(StrEnum):
    regular = "regular"
    single = "single"


class PolicyStatus(StrEnum):
    in_force = "in_force"
    lapsed = "lapsed"
    surrendered = "surrendered"
    terminated = "terminated"
    matured = "matured"
    suspended = "suspended"
    cancelled_in_cooling_off = "cancelled_in_cooling_off"


class TopUpKind(StrEnum):
    regular_additional = "regular_additional"
    initial_lump_sum = "initial_lump_sum"
    ad_hoc = "ad_hoc"


Money = Decimal


class Person(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str | None = Field(default=None, min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=100)
    id_type: IdType
    id_no: str = Field(min_length=1, max_length=40)
    mobile: str | None = Field(default=None, max_length=20)
    birth_date: dt.date


class Product(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    kind: ProductKind


class TopUp(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: TopUpKind
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=2)
    date: dt.date


class PolicyDocument(BaseModel):
    """The body of ``PUT /api/v1/policies/{policy_no}``."""

    model_config = ConfigDict(extra="forbid")

    holder: Person
    insured: Person
    product: Product
    channel: Channel
    payment_mode: PaymentMode
    annual_premium: Decimal = Field(ge=0, max_digits=14, decimal_places=2)
    payment_years: int = Field(ge=1, le=100)
    coverage_years: int | None = Field(default=None, ge=0, le=150)
    top_ups: list[TopUp] = Field(
        default_factory=list,
        max_length=2000,
        description="At most 2000 (a monthly top-up for 160 years): keeps every event far below the broker's limit.",
    )
    status: PolicyStatus
    underwritten_at: dt.datetime
    effective_date: dt.date
    cooling_off_end: dt.date | None = None
    loan_or_pledge: bool = False
    electronic_contract: bool = False
    version: int | None = Field(
        default=None,
        ge=0,
        description="Monotonic version from the core system; an older version never overwrites a newer one.",
    )


# --- resident identity numbers (GB 11643-1999, ISO 7064 MOD 11-2) ---------------------------------
_GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB11643_CHECK = "10X98765432"


def gb11643_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number whose first 17 digits are ``first17``."""
    total = sum(int(c) * w for c, w in zip(first17, _GB11643_WEIGHTS, strict=True))
    return _GB11643_CHECK[total % 11]


def resident_id(birth: dt.date, seq: int, area: str = "110101") -> str:
    """A well-formed resident ID number (demo data, tests, benchmarks): area, birth date, sequence."""
    first17 = f"{area}{birth:%Y%m%d}{seq % 1000:03d}"
    return first17 + gb11643_check_digit(first17)
