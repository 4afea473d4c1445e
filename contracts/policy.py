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
    """Identity document type: resident ID card (居民身份证, GB 11643 check digit), passport, Hong Kong/Macau or
    Taiwan travel permit, foreign permanent residence card, other."""

    resident_id = "resident_id"
    passport = "passport"
    hk_macau_permit = "hk_macau_permit"
    taiwan_permit = "taiwan_permit"
    foreign_permanent = "foreign_permanent"
    other = "other"


class ProductKind(StrEnum):
    """Product kind; investment-linked and universal products count their top-ups (SPEC 2.2, 2.3)."""

    traditional = "traditional"
    participating = "participating"
    health = "health"
    accident = "accident"
    investment_linked = "investment_linked"
    universal = "universal"


class Channel(StrEnum):
    """Sales channel: agency (个险), bancassurance (银保), direct marketing (直销), broker, group."""

    agency = "agency"
    bancassurance = "bancassurance"
    direct = "direct"
    broker = "broker"
    group = "group"


class PaymentMode(StrEnum):
    """`regular`: premiums every year of the payment term; `single`: one premium (payment_years 1)."""

    regular = "regular"
    single = "single"


class PolicyStatus(StrEnum):
    """Policy status in the core system; only `in_force` policies count toward a tier (SPEC 2)."""

    in_force = "in_force"
    lapsed = "lapsed"
    surrendered = "surrendered"
    terminated = "terminated"
    matured = "matured"
    suspended = "suspended"
    cancelled_in_cooling_off = "cancelled_in_cooling_off"


class TopUpKind(StrEnum):
    """Additional investment kind (SPEC 2.3): regular additional, initial lump sum, ad hoc."""

    regular_additional = "regular_additional"
    initial_lump_sum = "initial_lump_sum"
    ad_hoc = "ad_hoc"


Money = Decimal


class Person(BaseModel):
    """A policyholder or insured person. Read back with `id_no` and `mobile` masked (SPEC 7)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str | None = Field(
        default=None, min_length=1, max_length=64, description="The customer's id in the core system, e.g. `C1001`."
    )
    name: str = Field(min_length=1, max_length=100, description="Full name, e.g. `张伟`.")
    id_type: IdType = Field(description="Identity document type.")
    id_no: str = Field(
        min_length=1,
        max_length=40,
        description="Identity document number; masked in answers, e.g. `110101********1234`.",
    )
    mobile: str | None = Field(
        default=None, max_length=20, description="Mainland mobile number; masked in answers, e.g. `138****8000`."
    )
    birth_date: dt.date = Field(description="Date of birth.")


class Product(BaseModel):
    """The insurance product of a policy."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=1, max_length=64, description="The product code in the core system.")
    name: str = Field(min_length=1, max_length=200, description="The product name in Chinese, e.g. `鑫享人生年金保险`.")
    kind: ProductKind = Field(description="The product kind (decides the standard-premium formula).")


class TopUp(BaseModel):
    """One additional investment into an investment-linked or universal policy."""

    model_config = ConfigDict(extra="forbid")

    kind: TopUpKind = Field(description="The kind of additional investment.")
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=2, description="Amount in CNY, two decimals.")
    date: dt.date = Field(description="The date it was paid.")


class PolicyDocument(BaseModel):
    """The body of ``PUT /api/v1/policies/{policy_no}``."""

    model_config = ConfigDict(extra="forbid")

    holder: Person = Field(description="The policyholder (投保人); the tier subject under `stars` and `levels`.")
    insured: Person = Field(description="The insured person (被保险人); the tier subject under `cards`.")
    product: Product = Field(description="The insurance product.")
    channel: Channel = Field(description="The sales channel.")
    payment_mode: PaymentMode = Field(description="Regular or single premium.")
    annual_premium: Decimal = Field(
        ge=0, max_digits=14, decimal_places=2, description="Annualized basic premium in CNY (a single premium as is)."
    )
    payment_years: int = Field(ge=1, le=100, description="Premium payment term in years (1 for a single premium).")
    coverage_years: int | None = Field(
        default=None, ge=0, le=150, description="Coverage term in years; null = whole life."
    )
    top_ups: list[TopUp] = Field(
        default_factory=list,
        max_length=2000,
        description="At most 2000 (a monthly top-up for 160 years): keeps every event far below the broker's limit.",
    )
    status: PolicyStatus = Field(description="The policy status.")
    underwritten_at: dt.datetime = Field(description="When the policy was underwritten (承保), ISO 8601 with offset.")
    effective_date: dt.date = Field(description="The date cover starts (生效日).")
    cooling_off_end: dt.date | None = Field(
        default=None, description="Last day of the cooling-off period (犹豫期满日); null = effective date + 15 days."
    )
    loan_or_pledge: bool = Field(default=False, description="A policy loan or pledge is on it.")
    electronic_contract: bool = Field(
        default=False, description="Signed electronically: the revisit may be electronic (SPEC 5)."
    )
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
