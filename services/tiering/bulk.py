"""Tiering at portfolio scale: re-rating many customers in one pass, and the bulk intake's writes.

**Re-rating** (``rerate``) is the one loop behind the intake, imports and dated runs. For a chunk of
customers it locks their states (one statement), gets their ratings, hands each customer's rating and
state to the pure state machine (``rules.evaluate``: the only place where a tier decision is taken)
and writes what changed set-wise: states with one ``UPDATE ... FROM unnest(...)``, history and outbox
rows with ``COPY`` (PostgreSQL). The ratings come either

- *set-wise* (``setwise=True``, PostgreSQL; runs and imports): the scores from one SQL aggregation
  (``bulk_repository.score_rows``: each policy's counting and standard premium as ``rules.assess``/
  ``rules.standard_premium`` define them, summed per customer). Only customers with a policy in its
  cooling-off period (whose provisional tier and date need the policies one by one) are rated by
  ``rules.rate`` on their policies. ``tests/test_run_prefilter.py`` compares both ways on a
  boundary-case portfolio for all three programs on both databases;
- or *per customer* (the intake, SQLite): ``rules.rate`` on every customer's policies.

**Bulk intake** (``create_policies``): a batch of new policies written with ``COPY`` (policies,
top-ups, ``policy.changed.v1`` outbox rows), the same rows and events as ``service.upsert_policy``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import Topic
from services.tiering import bulk_repository as bulk_repo
from services.tiering import event_json, rules
from services.tiering import repository as repo
from services.tiering.programs import NONE, Program
from vipkit import clock
from vipkit.db import is_postgres
from vipkit.events import EventJson, add_events

SOURCE = "tiering"


@dataclass
class RerateStats:
    evaluated: int = 0
    changed: int = 0
    notices: int = 0
    skipped: int = 0

    def add(self, other: RerateStats) -> None:
        self.evaluated += other.evaluated
        self.changed += other.changed
        self.notices += other.notices
        self.skipped += other.skipped


@dataclass(frozen=True, slots=True)
class Subject:
    """What events and notices say about a customer besides the rating."""

    mobile: str | None = None  # on their most recently underwritten policy (ties: lowest policy no)
    birth_date: dt.date | None = None  # likewise
    waiting_from: dt.date | None = None  # ``rules.waiting_from`` of the counted policies


def subject_from_policies(program: Program, policies: list[rules.PolicyFacts], rating: rules.Rating) -> Subject:
    epoch = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
    newest = sorted(policies, key=lambda p: p.underwritten_at or epoch, reverse=True)
    return Subject(
        mobile=next((m for p in newest if (m := p.subject_mobile(program))), None),
        birth_date=next((b for p in newest if (b := p.subject_birth_date(program))), None),
        waiting_from=rules.waiting_from(a.policy for a in rating.assessments if a.counting == "counted"),
    )


def rating_of_sums(program: Program, row: bulk_repo.ScoreRow | None) -> rules.Rating:
    """``rules.rate``'s result for a customer with no policy in cooling-off, from the summed scores.

    ``rules.tier_for`` on sums: the highest tier whose bound the total (or, for a tier with a channel
    filter, the sum of those channels) reaches; ``none`` without a counted policy.
    """
    if row is None or row.counted == 0:
        score = row.score if row is not None else rules.ZERO
        held, held_score = (row.held, row.held_score) if row is not None else (0, rules.ZERO)
        return rules.Rating(score, NONE, 0, score, NONE, None, (), held, held_score)
    best = NONE
    sums = iter(row.channel_scores)
    for tier in program.tiers:
        score = row.score if tier.channels is None else next(sums)
        if score >= tier.min_score:
            best = tier.code
    return rules.Rating(row.score, best, row.counted, row.score, best, None, (), row.held, row.held_score)


async def ratings(
    session: AsyncSession, program: Program, customer_ids: list[str], as_of: dt.date, *, setwise: bool
) -> tuple[dict[str, rules.Rating], dict[str, Subject]]:
    """Each customer's rating on ``as_of`` and what events say about them (see the module docstring)."""
    out: dict[str, rules.Rating] = {}
    subjects: dict[str, Subject] = {}
    by_rules = customer_ids
    if setwise and is_postgres(session):
        sums = await bulk_repo.score_rows(session, program, customer_ids, as_of)
        by_rules = [c for c in customer_ids if c in sums and sums[c].cooling]
        for customer_id in customer_ids:
            row = sums.get(customer_id)
            subjects[customer_id] = Subject(row.mobile, row.birth_date, row.waiting_from) if row else Subject()
            if row is None or not row.cooling:
                out[customer_id] = rating_of_sums(program, row)
    if by_rules:
        facts = await repo.subject_facts(session, program.subject, by_rules)
        for customer_id in by_rules:
            own = facts.get(customer_id, [])
            out[customer_id] = rating = rules.rate(program, own, as_of)
            subjects[customer_id] = subject_from_policies(program, own, rating)
    return out, subjects


#: a state's fields but its evaluation date, as one tuple (C ``attrgetter``: no two copies per customer)
_DECIDED = attrgetter(*(f.name for f in fields(rules.TierState) if f.name != "evaluated_on"))


def _differs(old: rules.TierState, new: rules.TierState) -> bool:
    """True when anything but the evaluation date changed (runs skip writing unchanged rows)."""
    return bool(_DECIDED(old) != _DECIDED(new))


@dataclass
class RerateBatch:
    """What one re-rating pass writes, gathered customer by customer and written set-wise at the end."""

    program: Program
    at: dt.datetime
    now: dt.datetime
    notice_reference: str  # the notification requests' reference (the import or run, else the cause)
    stats: RerateStats = field(default_factory=RerateStats)
    changed: list[rules.TierState] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    outgoing: list[tuple[str, EventJson, str]] = field(default_factory=list)

    def record(self, customer_id: str, new: rules.TierState, ev: rules.TierEvent, subject: Subject) -> None:
        """One tier event: its history row, its ``tier.changed.v1`` event, its customer notice (the
        events serialized from the values, ``event_json``: no pydantic model per event)."""
        self.history.append(self.history_row(customer_id, new, ev))
        if ev.kind == "tier_changed":
            self.outgoing.append(
                (Topic.tier_changed.value, self.tier_changed(customer_id, new, ev, subject), customer_id)
            )
        if ev.notice is not None:
            self.stats.notices += 1
            notice = event_json.notification_requested(
                customer_id,
                mobile=subject.mobile,
                template=ev.notice.template,
                text_=ev.notice.text,
                source=SOURCE,
                reference=self.notice_reference,
            )
            self.outgoing.append((Topic.notification_requested.value, notice, customer_id))

    def history_row(self, customer_id: str, new: rules.TierState, ev: rules.TierEvent) -> dict[str, Any]:
        return {
            "customer_id": customer_id,
            "program": self.program.program,
            "kind": ev.kind,
            "from_tier": ev.from_tier,
            "to_tier": ev.to_tier,
            "reason": ev.reason,
            "status": new.status,
            "score": new.score,
            "sequence": ev.sequence,
            "detail": ev.detail,
            "effective_at": self.at,
            "created_at": self.now,
        }

    def tier_changed(self, customer_id: str, new: rules.TierState, ev: rules.TierEvent, subject: Subject) -> EventJson:
        assert ev.sequence is not None
        return event_json.tier_changed(
            customer_id,
            self.program.program,
            ev.from_tier,
            ev.to_tier,
            new.status,
            ev.reason,
            new.score,
            self.at,
            ev.sequence,
            subject.birth_date,
            subject.waiting_from,
        )

    async def write(self, session: AsyncSession) -> None:
        await bulk_repo.store_states(session, self.changed, self.now)
        await bulk_repo.add_history(session, self.history)
        await add_events(session, self.outgoing, source=SOURCE)


@dataclass(frozen=True, slots=True)
class Decision:
    """One customer's evaluation in a pass: the new state, its events, and whether it is stored."""

    old: rules.TierState
    new: rules.TierState
    events: list[rules.TierEvent]
    write: bool


@dataclass
class Pass:
    """What a re-rating pass decides for its customers, before anything is written."""

    program: Program
    as_of: dt.date
    cause: str
    forward_only: bool
    record_evaluation: bool
    rated: dict[str, rules.Rating]
    states: dict[str, rules.TierState]

    def decide(self, customer_id: str) -> Decision | None:
        """``rules.evaluate`` from the stored state (none yet: the initial one); None: skipped, the
        customer was evaluated on a later date (``forward_only``)."""
        old = self.states.get(customer_id) or rules.TierState(customer_id, self.program.program)
        if self.forward_only and old.evaluated_on is not None and old.evaluated_on > self.as_of:
            return None
        evaluation = rules.evaluate(self.program, (), old, self.as_of, cause=self.cause, rating=self.rated[customer_id])
        new = evaluation.state
        if new == old:
            return Decision(old, new, [], False)
        write = not self.forward_only or self.record_evaluation or _differs(old, new)
        return Decision(old, new, evaluation.events, write)


async def insert_new_states(
    session: AsyncSession, plan: Pass, decisions: dict[str, Decision | None], now: dt.datetime
) -> set[str]:
    """Insert the states of the customers that had none (PostgreSQL); a customer whose state another
    transaction created meanwhile is locked and decided again from it. Returns the customers inserted."""
    fresh = {c for c in decisions if c not in plan.states}
    rows = [d.new if d.write else d.old for c in sorted(fresh) if (d := decisions[c]) is not None]
    taken = await bulk_repo.insert_states(session, rows, now)
    if taken:
        ids = sorted(taken)
        plan.states |= await bulk_repo.lock_states(session, ids, plan.program.program, now, create=False)
        decisions |= {c: plan.decide(c) for c in ids}
    return fresh - taken


async def rerate(
    session: AsyncSession,
    program: Program,
    customer_ids: list[str],
    at: dt.datetime,
    *,
    cause: str,
    reference: str | None = None,
    forward_only: bool = False,
    setwise: bool = False,
    record_evaluation: bool = False,
) -> RerateStats:
    """Evaluate each customer on ``at``'s local date; store, record and publish what changed.

    ``forward_only`` (runs) skips a customer already evaluated on a later date and does not write a
    state whose only change is its evaluation date, unless ``record_evaluation`` (time travel: every
    customer's timeline is kept exactly). On PostgreSQL a customer without a tier state gets it in one
    insert of the decided state (not an initial row updated afterwards); the rows are the same.
    """
    batch = RerateBatch(program, at, clock.now(), reference or cause)
    if not customer_ids:
        return batch.stats
    as_of = at.astimezone(clock.SHANGHAI).date()
    pg = is_postgres(session)
    states = await bulk_repo.lock_states(session, customer_ids, program.program, batch.now, create=not pg)
    rated, subjects = await ratings(session, program, customer_ids, as_of, setwise=setwise)
    plan = Pass(program, as_of, cause, forward_only, record_evaluation, rated, states)
    decisions = {c: plan.decide(c) for c in customer_ids}
    inserted = await insert_new_states(session, plan, decisions, batch.now) if pg else set()
    for customer_id in customer_ids:
        decision = decisions[customer_id]
        if decision is None:
            batch.stats.skipped += 1
            continue
        batch.stats.evaluated += 1
        if decision.write and customer_id not in inserted:
            batch.changed.append(decision.new)
        if decision.events:
            batch.stats.changed += 1
        for ev in decision.events:
            batch.record(customer_id, decision.new, ev, subjects[customer_id])
    await batch.write(session)
    return batch.stats
