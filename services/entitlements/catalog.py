"""Benefit catalogs as data (SPEC 3): one YAML per program in ``catalogs/``, validated at start-up.

A catalog says, for every service code of SPEC 7.1 the program's handbook lists, which tiers get it,
the quota per period (a number, or ``null`` = unlimited), the period, who may use it, the
tier-specific variant (package, options, designated expert), and its booking parameters (read by the
booking service through ``GET /api/v1/catalog``). A bad catalog stops the service at start-up with
an error that names the file and the bad key.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

CATALOG_DIR = Path(__file__).parent / "catalogs"

#: SPEC 7.1 service codes (shared by all programs where the service exists).
SERVICE_CODES = frozenset(
    {
        "health_assessment",
        "health_consultation",
        "checkup_discount",
        "registration_self",
        "registration_phone",
        "registration_assisted",
        "registration_referral",
        "second_opinion_domestic",
        "second_opinion_international",
        "overseas_referral",
        "child_dental_discount",
        "child_courses",
        "road_rescue",
        "service_festival",
        "claim_hospital_visit",
        "health_advisor",
        "dental_cleaning",
        "health_checkup",
        "expert_outpatient",
        "special_exam",
        "domestic_rescue",
        "international_rescue",
        "phone_doctor",
        "vip_checkup",
        "customer_events",
        "global_courtesy",
    }
)

#: Relations a designated relative may have. ``insured`` is the insured person of one of the
#: holder's policies (stars' domestic second opinion is open to "the holder, the insured or ...").
RELATIONS = ("spouse", "parent", "child", "spouse_parent", "insured")
Relation = Literal["spouse", "parent", "child", "spouse_parent", "insured"]
Period = Literal["calendar_year", "two_years"]
NO_TIER = "none"


class CatalogError(RuntimeError):
    """The catalog file is invalid; the message names the file and the bad key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Beneficiaries(_Strict):
    """Who may use a service: the holder (the tier's subject), the insured, designated relatives."""

    holder: bool = True
    insured: bool = False
    relations: tuple[Relation, ...] = ()
    min_age: int | None = Field(default=None, ge=0, le=150)
    max_age: int | None = Field(default=None, ge=0, le=150, description="Inclusive: 65 means 'at most 65'")


class Option(_Strict):
    code: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1)


class TierGrant(_Strict):
    """What one tier gets of a service: quota per period and the tier-specific variant."""

    quota: int | None = Field(ge=0, description="Units per period; null = unlimited")
    period: Period | None = Field(default=None, description="Overrides the service's period for this tier")
    package: str | None = None
    package_name: str | None = None
    options: tuple[Option, ...] = ()
    venues: tuple[str, ...] = ()
    designated_expert: bool = False
    beneficiaries: Beneficiaries | None = Field(default=None, description="Overrides the service's beneficiaries")


class Sla(_Strict):
    contact_working_days: int = Field(ge=0)
    opinion_working_days: int = Field(ge=0)


class BookingParams(_Strict):
    kind: Literal["appointment", "request"]
    # at least one working day: 0 would let a booking start before its own cancel deadline (issue 12)
    advance_working_days: int = Field(default=2, ge=1, le=30)
    cancel_cutoff_working_days: int = Field(default=1, ge=0, le=30)
    cancel_cutoff_hour: int = Field(default=12, ge=0, le=23)
    sla: Sla | None = None


class SubItem(_Strict):
    code: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1)
    quota: int | None = Field(ge=0)


class ServiceEntry(_Strict):
    service_code: str
    name: str = Field(min_length=1)
    description: str = ""
    period: Period = "calendar_year"
    tiers: dict[str, TierGrant] = Field(min_length=1)
    beneficiaries: Beneficiaries
    conditions: tuple[str, ...] = ()
    sub_items: tuple[SubItem, ...] = ()
    bookable: bool
    booking: BookingParams | None = None

    @model_validator(mode="after")
    def _booking_matches_bookable(self) -> ServiceEntry:
        if self.service_code not in SERVICE_CODES:
            raise ValueError(f"service_code: unknown service code {self.service_code!r} (SPEC 7.1)")
        if self.bookable and self.booking is None:
            raise ValueError("booking: a bookable service needs booking parameters")
        if not self.bookable and self.booking is not None:
            raise ValueError("booking: must be null when bookable is false")
        return self

    def grant_for(self, tier: str) -> TierGrant | None:
        return self.tiers.get(tier)

    def period_for(self, tier: str) -> Period:
        grant = self.tiers.get(tier)
        return (grant.period if grant and grant.period else None) or self.period

    def beneficiaries_for(self, tier: str) -> Beneficiaries:
        grant = self.tiers.get(tier)
        return (grant.beneficiaries if grant and grant.beneficiaries else None) or self.beneficiaries


class RelativesPolicy(_Strict):
    """The program's rules for designating relatives."""

    relations: tuple[Relation, ...]
    max_count: int | None = Field(default=None, ge=1)
    fixed_once_designated: bool = False
    max_age_at_designation: int | None = Field(default=None, ge=0, le=150, description="Inclusive")
    tiers: tuple[str, ...] | None = Field(default=None, description="Tiers that may designate; null = any")


class Catalog(_Strict):
    program: str
    version: int = 1
    tiers: tuple[str, ...] = Field(min_length=2, description="Tier codes, low to high; the first is 'none'")
    two_year_anchor: int = Field(default=2026, ge=2000, le=2100)
    waiting_period_days: int = Field(default=0, ge=0, le=365)
    relatives: RelativesPolicy
    services: tuple[ServiceEntry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        if self.tiers[0] != NO_TIER:
            raise ValueError(f"tiers: the first (lowest) tier must be {NO_TIER!r}")
        if len(set(self.tiers)) != len(self.tiers):
            raise ValueError("tiers: duplicate tier code")
        seen: set[str] = set()
        for index, service in enumerate(self.services):
            where = f"services[{index}]({service.service_code})"
            if service.service_code in seen:
                raise ValueError(f"{where}.service_code: duplicate service {service.service_code!r}")
            seen.add(service.service_code)
            self._check_service(where, service)
        for tier in self.relatives.tiers or ():
            if tier not in self.tiers:
                raise ValueError(f"relatives.tiers: unknown tier {tier!r}")
        return self

    def _check_service(self, where: str, service: ServiceEntry) -> None:
        """A service names only the program's tiers and relations (the error names the key)."""
        for tier in service.tiers:
            if tier not in self.tiers or tier == NO_TIER:
                raise ValueError(f"{where}.tiers.{tier}: unknown tier {tier!r} (program tiers: {list(self.tiers)})")
        for relation in service.beneficiaries.relations:
            if relation not in self.relatives.relations:
                raise ValueError(f"{where}.beneficiaries.relations: {relation!r} is not in relatives.relations")
        for tier, grant in service.tiers.items():
            for relation in grant.beneficiaries.relations if grant.beneficiaries else ():
                if relation not in self.relatives.relations:
                    raise ValueError(
                        f"{where}.tiers.{tier}.beneficiaries.relations: {relation!r} is not in relatives.relations"
                    )

    # --- look-ups -------------------------------------------------------------------------------
    def service(self, service_code: str) -> ServiceEntry | None:
        return self._by_code().get(service_code)

    def _by_code(self) -> dict[str, ServiceEntry]:
        return {s.service_code: s for s in self.services}

    def has_tier(self, tier: str) -> bool:
        return tier in self.tiers

    def tier_rank(self, tier: str) -> int:
        return self.tiers.index(tier)

    def services_for(self, tier: str) -> list[ServiceEntry]:
        return [s for s in self.services if tier in s.tiers]

    def to_wire(self) -> dict[str, Any]:
        """The ``GET /api/v1/catalog`` document (docs/internal-apis.md shape, plus extra keys)."""
        return {
            "program": self.program,
            "version": self.version,
            "tiers": list(self.tiers),
            "waiting_period_days": self.waiting_period_days,
            "two_year_anchor": self.two_year_anchor,
            "relatives": self.relatives.model_dump(mode="json"),
            "services": [
                {
                    "service_code": s.service_code,
                    "name": s.name,
                    "description": s.description,
                    "tiers": {tier: g.model_dump(mode="json") for tier, g in s.tiers.items()},
                    "period": s.period,
                    "beneficiaries": s.beneficiaries.model_dump(mode="json"),
                    "conditions": list(s.conditions),
                    "sub_items": [i.model_dump(mode="json") for i in s.sub_items],
                    "bookable": s.bookable,
                    "booking": s.booking.model_dump(mode="json") if s.booking else None,
                }
                for s in self.services
            ],
        }


def _format_error(path: Path, exc: ValidationError, raw: dict[str, Any]) -> str:
    lines = []
    for err in exc.errors():
        parts: list[str] = []
        loc = list(err.get("loc", ()))
        for i, part in enumerate(loc):
            if isinstance(part, int) and i > 0 and loc[i - 1] == "services":
                code = None
                services = raw.get("services")
                if isinstance(services, list) and part < len(services) and isinstance(services[part], dict):
                    code = services[part].get("service_code")
                parts[-1] = f"services[{part}]" + (f"({code})" if code else "")
            else:
                parts.append(str(part))
        key = ".".join(parts)
        lines.append(f"{key}: {err.get('msg', '')}" if key else str(err.get("msg", "")))
    return f"invalid catalog {path}: " + "; ".join(lines)


def load_catalog_file(path: Path, program: str | None = None) -> Catalog:
    """Load and validate one catalog file; raises ``CatalogError`` naming the bad key."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogError(f"no catalog for program {program!r}: {path} does not exist") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"invalid catalog {path}: not YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogError(f"invalid catalog {path}: the top level must be a mapping")
    try:
        catalog = Catalog.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_format_error(path, exc, raw)) from exc
    if program is not None and catalog.program != program:
        raise CatalogError(f"invalid catalog {path}: program: {catalog.program!r} but the file is for {program!r}")
    return catalog


@cache
def load_catalog(program: str, directory: str | None = None) -> Catalog:
    """The validated catalog of ``program`` (``VIP_PROGRAM``), cached per process."""
    base = Path(directory) if directory else CATALOG_DIR
    return load_catalog_file(base / f"{program}.yaml", program)
