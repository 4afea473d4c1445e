"""The tier state machine's values (SPEC 2.4): a subject's tier state, pending downgrade, the events
and notices an evaluation emits, and the status a state shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from services.tiering.programs import NONE
from services.tiering.scoring import ZERO, Rating
from services.tiering.texts import Template

Status = Literal["confirmed", "provisional", "grace", "invalid"]


@dataclass(frozen=True, slots=True)
class PendingDowngrade:
    to: str
    at: dt.date


@dataclass(frozen=True, slots=True)
class TierState:
    customer_id: str
    program: str
    tier: str = NONE
    status: Status = "invalid"
    score: Decimal = ZERO
    since: dt.date | None = None
    provisional_tier: str | None = None
    provisional_until: dt.date | None = None
    pending_downgrade: PendingDowngrade | None = None
    sequence: int = 0
    evaluated_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    template: Template
    text: str


@dataclass(frozen=True, slots=True)
class TierEvent:
    """Something worth recording: an effective-tier change (published), a pre-downgrade, grace cleared."""

    kind: Literal["tier_changed", "pre_downgrade", "grace_cleared"]
    from_tier: str
    to_tier: str
    reason: str
    detail: str
    sequence: int | None = None
    notice: Notice | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    state: TierState
    events: list[TierEvent] = field(default_factory=list)
    rating: Rating | None = None

    @property
    def tier_changes(self) -> list[TierEvent]:
        return [e for e in self.events if e.kind == "tier_changed"]

    @property
    def notices(self) -> list[Notice]:
        return [e.notice for e in self.events if e.notice is not None]


def status_of(tier: str, pending: PendingDowngrade | None, provisional: str | None) -> Status:
    if tier == NONE:
        return "provisional" if provisional else "invalid"
    if pending is not None:
        return "grace"
    if provisional:
        return "provisional"
    return "confirmed"
