"""Entitlements API models (pydantic), kept apart from the tables."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.entitlements.catalog import Relation


class ReservationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str = Field(min_length=1, max_length=64)
    service_code: str = Field(min_length=1, max_length=64)
    beneficiary_id: str | None = Field(default=None, max_length=64, description="null = the customer, else a relative")
    reference: str | None = Field(default=None, max_length=200, description="The booking id")


class ReservationConsume(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Literal["completed", "no_show", "cancelled_late"]


class ReservationRelease(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Literal["cancelled", "rejected", "booking_failed"]


class ReservationRead(BaseModel):
    reservation_id: str
    status: Literal["reserved", "consumed", "released"]
    customer_id: str
    service_code: str
    beneficiary_id: str | None
    reference: str | None
    period_start: dt.date
    period_end: dt.date
    remaining: int | None = Field(description="Units left in the grant after this change; null = unlimited")
    reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ReservationList(BaseModel):
    items: list[ReservationRead]


class Beneficiary(BaseModel):
    beneficiary_id: str | None
    kind: Literal["holder", "relative"]
    name: str
    relation: str | None


class Option(BaseModel):
    code: str
    name: str


class ServiceEntitlement(BaseModel):
    service_code: str
    name: str
    available: bool
    reason: str | None = Field(description="Why the service cannot be reserved now (tier lacks it, waiting period)")
    quota: int | None = Field(description="Units per period; null = unlimited")
    used: int
    reserved: int
    remaining: int | None = Field(description="quota - used - reserved, never below 0; null = unlimited")
    period: str
    period_start: dt.date
    period_end: dt.date
    package: str | None
    package_name: str | None
    options: list[Option]
    designated_expert: bool
    sub_items: list[dict[str, Any]]
    bookable: bool
    beneficiaries: list[Beneficiary]


class EntitlementsRead(BaseModel):
    customer_id: str
    program: str
    tier: str
    tier_status: str | None
    tier_sequence: int | None
    waiting_until: dt.date | None
    as_of: dt.date
    services: list[ServiceEntitlement]


class LedgerEntryRead(BaseModel):
    id: int
    at: dt.datetime
    action: str
    units: int
    reservation_id: str | None
    period_start: dt.date
    period_end: dt.date
    quota: int | None
    used: int
    reserved: int
    remaining: int | None
    reason: str


class LedgerRead(BaseModel):
    customer_id: str
    service_code: str
    entries: list[LedgerEntryRead]


class RelativeUpsert(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100)
    relation: Relation
    id_no: str = Field(min_length=6, max_length=32, pattern=r"^[0-9A-Za-z]+$")
    birth_date: dt.date


class RelativeRead(BaseModel):
    relative_id: str
    customer_id: str
    name: str
    relation: str
    id_no: str = Field(description="Masked: 110101********1234")
    birth_date: dt.date
    age: int
    designated_at: dt.datetime
    services: list[str] = Field(description="Services at the current tier this relative may use")


class RelativesRead(BaseModel):
    customer_id: str
    tier: str
    max_count: int | None
    fixed_once_designated: bool
    items: list[RelativeRead]


class ReconciliationRunCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: dt.datetime | None = Field(default=None, description="Defaults to now; periods follow this date")


class ReconciliationRepair(BaseModel):
    customer_id: str
    from_tier: str | None
    to_tier: str
    stored_sequence: int | None
    tiering_sequence: int
    changes: list[str]


class ReconciliationRunRead(BaseModel):
    as_of: dt.datetime
    checked: int
    repaired: list[ReconciliationRepair]
    skipped: list[dict[str, Any]]
    pages: int
