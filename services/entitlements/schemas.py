"""Entitlements API models (pydantic), kept apart from the tables."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.entitlements.catalog import Relation
from vipkit.pagination import PageFields


class ReservationCreate(BaseModel):
    """Reserve one unit of a customer's quota for a booking (internal; booking's saga, SPEC 3.1)."""

    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=64, description="The customer's id, e.g. `C1001`.")
    service_code: str = Field(
        min_length=1, max_length=64, description="The catalog service code, e.g. `dental_cleaning`."
    )
    beneficiary_id: str | None = Field(default=None, max_length=64, description="null = the customer, else a relative")
    reference: str | None = Field(default=None, max_length=200, description="The booking id")


class ReservationConsume(BaseModel):
    """Consume a reserved unit (SPEC 3.1: completed, no-show or late cancellation)."""

    model_config = ConfigDict(extra="forbid")

    reason: Literal["completed", "no_show", "cancelled_late"] = Field(
        description="completed | no_show | cancelled_late"
    )


class ReservationRelease(BaseModel):
    """Give a reserved unit back (SPEC 3.1: cancelled in time, rejected by the partner, booking failed)."""

    model_config = ConfigDict(extra="forbid")

    reason: Literal["cancelled", "rejected", "booking_failed"] = Field(
        description="cancelled | rejected | booking_failed"
    )


class ReservationRead(BaseModel):
    """A reservation of one quota unit and its state."""

    reservation_id: str = Field(description="The reservation's id.")
    status: Literal["reserved", "consumed", "released"] = Field(
        description="reserved (held) | consumed (used) | released (given back)."
    )
    customer_id: str = Field(description="The customer's id.")
    service_code: str = Field(description="The catalog service code.")
    beneficiary_id: str | None = Field(description="The relative it is for; null = the customer.")
    reference: str | None = Field(description="The booking id it was made for.")
    period_start: dt.date = Field(description="First day of the quota period the unit belongs to.")
    period_end: dt.date = Field(description="Last day of that period.")
    remaining: int | None = Field(description="Units left in the grant after this change; null = unlimited")
    reason: str | None = Field(description="Why it was consumed or released; null while reserved.")
    created_at: dt.datetime = Field(description="When it was reserved.")
    updated_at: dt.datetime = Field(description="When its status last changed.")


class ReservationList(BaseModel):
    """The reservations of one booking."""

    items: list[ReservationRead] = Field(description="The reservations, oldest first.")


class Beneficiary(BaseModel):
    """Someone who may use a service: the holder (or insured) or a designated relative."""

    beneficiary_id: str | None = Field(description="The relative's id; null = the customer.")
    kind: Literal["holder", "relative"] = Field(description="holder | relative")
    name: str = Field(description="Name, e.g. `张伟`.")
    relation: str | None = Field(
        description="For a relative: spouse, parent, child, spouse_parent, insured; null for the customer."
    )


class Option(BaseModel):
    """A choice within a service (e.g. a checkup package or exam type)."""

    code: str = Field(description="The option's code.")
    name: str = Field(description="Its name in Chinese, e.g. `尊享洁牙套餐`.")


class ServiceEntitlement(BaseModel):
    """One catalog service at the customer's tier: quota, usage and who may use it (SPEC 3)."""

    service_code: str = Field(description="The catalog service code, e.g. `dental_cleaning`.")
    name: str = Field(description="The service's name in Chinese, e.g. `洁牙服务`.")
    available: bool = Field(description="True when it can be reserved now.")
    reason: str | None = Field(description="Why the service cannot be reserved now (tier lacks it, waiting period)")
    quota: int | None = Field(description="Units per period; null = unlimited")
    used: int = Field(description="Units consumed in the current period.")
    reserved: int = Field(description="Units held by open bookings.")
    remaining: int | None = Field(description="quota - used - reserved, never below 0; null = unlimited")
    period: str = Field(description="calendar_year | two_years")
    period_start: dt.date = Field(description="First day of the current quota period.")
    period_end: dt.date = Field(description="Last day of the current quota period (unused units do not carry over).")
    package: str | None = Field(
        description="The tier's package variant code (e.g. gold classic, platinum premium); null if none."
    )
    package_name: str | None = Field(description="The package's name in Chinese.")
    options: list[Option] = Field(description="Choices the customer may pick from (e.g. 3-choose-1 checkups).")
    designated_expert: bool = Field(description="The tier may name the expert (levels: diamond).")
    sub_items: list[dict[str, Any]] = Field(
        description="Sub-items with their own limits (e.g. roadside rescue's once-a-year items), as in the catalog."
    )
    bookable: bool = Field(
        description="True when it is booked through the booking API (SPEC 4); false = informational."
    )
    beneficiaries: list[Beneficiary] = Field(
        description="Who may use it now: the customer and eligible designated relatives."
    )


class EntitlementsRead(BaseModel):
    """A customer's entitlements at their effective tier (SPEC 3; not the provisional tier)."""

    customer_id: str = Field(description="The customer's id, e.g. `C1001`.")
    program: str = Field(description="The active tier program: stars, levels or cards.")
    tier: str = Field(description="The effective tier the entitlements follow; `none` = no tier.")
    tier_status: str | None = Field(
        description="The tier status as last received from tiering; null before the first tier event."
    )
    tier_sequence: int | None = Field(description="Tiering's per-customer sequence of the tier applied.")
    waiting_until: dt.date | None = Field(
        description="End of the waiting period (cards: 30 days after the policy takes effect); null if none."
    )
    as_of: dt.date = Field(description="The date the quotas and periods are computed for.")
    services: list[ServiceEntitlement] = Field(description="Every catalog service with its quota and usage.")


class LedgerEntryRead(BaseModel):
    """One quota movement; the ledger explains every number shown to the customer (SPEC 3.1)."""

    id: int = Field(description="The entry's id (increasing).")
    at: dt.datetime = Field(description="When it happened, ISO 8601 with offset.")
    action: str = Field(description="granted | quota_changed | reserved | consumed | released")
    units: int = Field(description="Units moved by this entry.")
    reservation_id: str | None = Field(description="The reservation concerned, if any.")
    period_start: dt.date = Field(description="First day of the quota period.")
    period_end: dt.date = Field(description="Last day of the quota period.")
    quota: int | None = Field(description="The quota after the entry; null = unlimited.")
    used: int = Field(description="Units used after the entry.")
    reserved: int = Field(description="Units reserved after the entry.")
    remaining: int | None = Field(description="Units left after the entry; null = unlimited.")
    reason: str = Field(description="Why, in English, e.g. `reserved for holder (booking B20260928000001)`.")


class LedgerRead(PageFields):
    """A page of the quota ledger of one customer and service, oldest first (cursor paging)."""

    customer_id: str = Field(description="The customer's id.")
    service_code: str = Field(description="The catalog service code.")
    items: list[LedgerEntryRead] = Field(description="The entries on this page, oldest first.")


class RelativeUpsert(BaseModel):
    """Designate or update a relative who may use the customer's services (SPEC 3)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100, description="Full name, e.g. `李秀英`.")
    relation: Relation = Field(
        description="spouse | parent | child | spouse_parent | insured (what the catalog allows per service)."
    )
    id_no: str = Field(
        min_length=6,
        max_length=32,
        pattern=r"^[0-9A-Za-z]+$",
        description="Identity number (letters and digits); stored, and answered masked.",
    )
    birth_date: dt.date = Field(
        description="Date of birth (age limits: children ≤ 18, rescue ≤ 65, designation < 65 under cards)."
    )


class RelativeRead(BaseModel):
    """A designated relative (identity number masked)."""

    relative_id: str = Field(description="The relative's id.")
    customer_id: str = Field(description="The customer who designated them.")
    name: str = Field(description="Full name.")
    relation: str = Field(description="spouse | parent | child | spouse_parent | insured")
    id_no: str = Field(description="Masked: 110101********1234")
    birth_date: dt.date = Field(description="Date of birth.")
    age: int = Field(description="Age today in full years.")
    designated_at: dt.datetime = Field(description="When they were designated.")
    services: list[str] = Field(description="Services at the current tier this relative may use")


class RelativesRead(BaseModel):
    """A customer's designated relatives and the tier's designation rules."""

    customer_id: str = Field(description="The customer's id.")
    tier: str = Field(description="The customer's effective tier.")
    max_count: int | None = Field(description="How many relatives the tier allows; null = no limit.")
    fixed_once_designated: bool = Field(description="True when a designated relative cannot be replaced (cards).")
    items: list[RelativeRead] = Field(description="The designated relatives.")


class ReconciliationRunCreate(BaseModel):
    """Run the reconciliation of grants against tiering's current tiers (SPEC 3.1)."""

    model_config = ConfigDict(extra="forbid")

    as_of: dt.datetime | None = Field(default=None, description="Defaults to now; periods follow this date")


class ReconciliationRepair(BaseModel):
    """One customer whose grants drifted from tiering and were repaired."""

    customer_id: str = Field(description="The customer's id.")
    from_tier: str | None = Field(description="The tier entitlements held; null if none.")
    to_tier: str = Field(description="Tiering's current tier, now applied.")
    stored_sequence: int | None = Field(description="The tier sequence entitlements held.")
    tiering_sequence: int = Field(description="Tiering's current sequence.")
    changes: list[str] = Field(description="What was changed (grants created, quotas set), in English.")


class ReconciliationRunRead(BaseModel):
    """The result of a reconciliation run."""

    as_of: dt.datetime = Field(description="The time the periods were computed for.")
    checked: int = Field(description="Customers compared.")
    repaired: list[ReconciliationRepair] = Field(description="Customers repaired.")
    skipped: list[dict[str, Any]] = Field(
        description="Customers left alone, each `{outcome, customer_id, why}` (e.g. a newer local state)."
    )
    pages: int = Field(description="Pages of tiering's `/api/v1/tiers` walked.")
