"""Tier programs as data: the YAML files in ``programs/`` loaded and validated (SPEC 2).

A program holds everything a tier rule needs: subject (holder | insured), the score formula and its
coefficients, the eligibility filter, cooling-off handling, upgrade/downgrade timing, review dates and
the tier ladder with codes (SPEC 7.1) and Chinese names. ``load_program(name)`` is called at start-up
(``VIP_PROGRAM`` picks the file); any bad key raises ``ProgramError`` naming the file and the key path,
e.g. ``programs/stars.yaml: tiers.2.min_score: Input should be a valid decimal``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from contracts.policy import Channel, PolicyStatus, ProductKind, TopUpKind

PROGRAMS_DIR = Path(__file__).parent / "programs"
PROGRAM_NAMES = ("stars", "levels", "cards")

TIER_CODES: dict[str, tuple[str, ...]] = {
    "stars": ("star_1", "star_2", "star_3", "star_4", "star_5"),
    "levels": ("mass", "pearl", "gold", "platinum", "diamond"),
    "cards": ("silver", "gold", "health_gold", "platinum", "diamond"),
}
NONE = "none"


class ProgramError(ValueError):
    """A program file is missing or invalid; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandardPremiumFormula(_Strict):
    """``stars``/``cards``: annual_premium × min(payment_years / divisor, 1) (× 50% + top-ups × 5% for wealth)."""

    kind: Literal["standard_premium"]
    coef_divisor_years: int = Field(ge=1)
    single_premium_payment_years: int = Field(default=1, ge=1)
    wealth_product_kinds: list[ProductKind] = Field(default_factory=list)
    wealth_premium_factor: Decimal = Field(ge=0, le=1)
    wealth_top_up_factor: Decimal = Field(ge=0, le=1)


class PremiumContributionFormula(_Strict):
    """``levels``: regular premium × 100% + single premium × 10% + each top-up kind × its factor."""

    kind: Literal["premium_contribution"]
    regular_premium_factor: Decimal = Field(ge=0, le=10)
    single_premium_factor: Decimal = Field(ge=0, le=10)
    top_up_factors: dict[TopUpKind, Decimal]

    @field_validator("top_up_factors")
    @classmethod
    def _non_negative(cls, value: dict[TopUpKind, Decimal]) -> dict[TopUpKind, Decimal]:
        for kind, factor in value.items():
            if factor < 0:
                raise ValueError(f"factor for {kind.value} must be >= 0")
        return value


class Eligibility(_Strict):
    statuses: list[PolicyStatus] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    cooling_off: Literal["provisional", "counted"]
    exclude_loan_or_pledge: bool
    max_years_after_payment_period: int | None = Field(default=None, ge=0)


class Changes(_Strict):
    upgrade: Literal["immediate"]
    downgrade: Literal["immediate", "review_with_grace", "on_dates"]
    review_dates: list[str] = Field(default_factory=list)
    no_counted_policy: Literal["immediate", "next_day"]

    @field_validator("review_dates")
    @classmethod
    def _month_days(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                dt.date.fromisoformat(f"2000-{item}")
            except ValueError as exc:
                raise ValueError(f"review date {item!r} is not MM-DD") from exc
        return sorted(value)

    @model_validator(mode="after")
    def _dates_needed(self) -> Changes:
        if self.downgrade in ("review_with_grace", "on_dates") and not self.review_dates:
            raise ValueError(f"downgrade {self.downgrade!r} needs review_dates")
        return self


class TierDef(_Strict):
    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    min_score: Decimal = Field(ge=0, decimal_places=2)
    channels: list[Channel] | None = Field(
        default=None, description="When set, min_score applies to the score of counted policies of these channels only."
    )


class Program(_Strict):
    program: Literal["stars", "levels", "cards"]
    version: int = Field(ge=1)
    name: str = Field(min_length=1)
    subject: Literal["holder", "insured"]
    formula: StandardPremiumFormula | PremiumContributionFormula = Field(discriminator="kind")
    eligibility: Eligibility
    cooling_off_days: int = Field(ge=0, le=60)
    changes: Changes
    tiers: list[TierDef] = Field(min_length=1)
    none_name: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ladder(self) -> Program:
        codes = [t.code for t in self.tiers]
        expected = TIER_CODES[self.program]
        if tuple(codes) != expected:
            raise ValueError(f"tiers must be, low to high, {list(expected)} (SPEC 7.1); got {codes}")
        plain = [t.min_score for t in self.tiers if t.channels is None]
        if plain != sorted(plain) or len(set(plain)) != len(plain):
            raise ValueError("tiers: min_score must increase from low to high")
        return self

    # --- derived -------------------------------------------------------------------------------
    @cached_property
    def rank(self) -> dict[str, int]:
        """Tier code -> rank (``none`` is 0)."""
        return {NONE: 0, **{t.code: i + 1 for i, t in enumerate(self.tiers)}}

    def tier_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code == NONE:
            return self.none_name
        for t in self.tiers:
            if t.code == code:
                return t.name
        raise KeyError(code)

    def is_review_date(self, day: dt.date) -> bool:
        return day.strftime("%m-%d") in self.changes.review_dates

    def next_review_date(self, after: dt.date) -> dt.date:
        """The first review date strictly after ``after``."""
        for year in (after.year, after.year + 1):
            for md in self.changes.review_dates:
                candidate = dt.date.fromisoformat(f"{year}-{md}")
                if candidate > after:
                    return candidate
        raise ValueError("program has no review dates")


def _format_error(path: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(root)"
        lines.append(f"{loc}: {err['msg']}")
    return f"{path.parent.name}/{path.name}: " + "; ".join(lines)


def parse_program(text: str, path: Path) -> Program:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProgramError(f"{path.parent.name}/{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ProgramError(f"{path.parent.name}/{path.name}: (root): must be a mapping")
    try:
        program = Program.model_validate(raw)
    except ValidationError as exc:
        raise ProgramError(_format_error(path, exc)) from exc
    if program.program != path.stem:
        raise ProgramError(f"{path.parent.name}/{path.name}: program: {program.program!r} does not match the file name")
    return program


def load_program(name: str, directory: Path | None = None) -> Program:
    """Load and validate ``programs/<name>.yaml`` (raises ``ProgramError`` with the bad key)."""
    if name not in PROGRAM_NAMES:
        raise ProgramError(f"VIP_PROGRAM: unknown program {name!r} (expected one of {', '.join(PROGRAM_NAMES)})")
    path = (directory or PROGRAMS_DIR) / f"{name}.yaml"
    if not path.exists():
        raise ProgramError(f"{path}: program file not found")
    return parse_program(path.read_text(encoding="utf-8"), path)
