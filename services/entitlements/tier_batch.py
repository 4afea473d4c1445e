"""Tier states into grants for a batch of ``tier.changed.v1`` events at once (issue 17: 500 changes/s).

The same effects as ``service.apply_tier_state`` event by event, with a few statements per batch
instead of several per grant: the customers' stored states are read (locked) in one query, the
pure rules decide per customer (``rules.is_newer``, ``rules.entitled_since``, ``rules.plan_grants``),
and states, grants, ledger rows and ``entitlement.changed.v1`` events are written with multi-row
statements. Per-customer order: a customer's second event of a batch goes in a second round, after
the first one's effects. A customer whose first state another writer inserted meanwhile goes
through ``apply_tier_state`` (the per-event path, which handles that race).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import Topic
from services.entitlements import batch_repository as batch_repo
from services.entitlements import rules
from services.entitlements.catalog import Catalog
from services.entitlements.grants import SOURCE, change_event_json, granted_reason, quota_reason
from services.entitlements.models import LedgerEntry
from services.entitlements.service import TierState, TierStateRejected, apply_tier_state, tier_values
from vipkit import clock
from vipkit.db import copy_rows
from vipkit.events import EventJson, add_events

log = logging.getLogger("entitlements.service")


@dataclass
class _Applied:
    state: TierState
    source: str
    reason: str


async def apply_tier_states(session: AsyncSession, catalog: Catalog, items: list[tuple[TierState, str]]) -> None:
    """Apply ``(state, source)`` items in order (see the module docstring)."""
    for state, _source in items:
        if state.program != catalog.program:
            raise TierStateRejected(f"tier state of program {state.program!r}; the active one is {catalog.program!r}")
        if not catalog.has_tier(state.tier):
            raise TierStateRejected(f"unknown tier {state.tier!r} for program {catalog.program!r}")
    for round_items in _rounds(items):
        applied = await _apply_states(session, catalog, round_items)
        await _sync_grants(session, catalog, applied, clock.today())


def _rounds(items: list[tuple[TierState, str]]) -> list[list[tuple[TierState, str]]]:
    """Round k holds each customer's k-th item (order kept within a customer)."""
    rounds: list[list[tuple[TierState, str]]] = []
    seen: dict[str, int] = {}
    for item in items:
        n = seen.get(item[0].customer_id, 0)
        seen[item[0].customer_id] = n + 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(item)
    return rounds


async def _apply_states(session: AsyncSession, catalog: Catalog, items: list[tuple[TierState, str]]) -> list[_Applied]:
    """Store the newer states of distinct customers; returns what their grants must follow."""
    now = clock.now()
    previous = await batch_repo.tiers_for_update(session, [s.customer_id for s, _ in items])
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    applied: list[tuple[_Applied, bool]] = []
    for state, source in items:
        prev = previous.get(state.customer_id)
        anchor = state.waiting_from or state.effective_at.astimezone(clock.SHANGHAI).date()
        values = {"customer_id": state.customer_id, **tier_values(state, source, now), "birth_date": state.birth_date}
        if prev is not None and not rules.is_newer(prev.sequence, state.sequence):
            extra = {"stored_sequence": prev.sequence, "incoming_sequence": state.sequence}
            log.info("stale tier state ignored", extra={"customer_id": state.customer_id, **extra})
            continue
        from_tier = prev.tier if prev is not None else None
        values["entitled_since"] = rules.entitled_since(
            from_tier, prev.entitled_since if prev else None, state.tier, anchor
        )
        (updates if prev is not None else inserts).append(values)
        kind = rules.change_kind(catalog, from_tier, state.tier)
        why = f"tier {kind} {from_tier or '-'} -> {state.tier} (sequence {state.sequence})"
        applied.append((_Applied(state, source, why), prev is None))
    inserted = await batch_repo.insert_tiers(session, inserts)
    await batch_repo.update_tiers(session, updates)
    out: list[_Applied] = []
    for item, new in applied:
        if new and item.state.customer_id not in inserted:  # another writer stored a first state meanwhile
            await apply_tier_state(session, catalog, item.state, source=item.source)
        else:
            out.append(item)
    return out


def _carried(uses: list[Any], customer_id: str, code: str, period: rules.PeriodRange) -> int:
    """``repository.use_days`` + ``rules.units_in_period`` over the batch's preloaded units."""
    days = [
        u.created_at.astimezone(clock.SHANGHAI).date()
        for u in uses
        if u.customer_id == customer_id
        and u.service_code == code
        and u.period_start <= period.end
        and u.period_end >= period.start
        and (u.period_start, u.period_end) != (period.start, period.end)
    ]
    return rules.units_in_period(days, period)


async def _sync_grants(session: AsyncSession, catalog: Catalog, applied: list[_Applied], day: dt.date) -> None:
    """``grants.sync_grants`` for many customers: plans from one read, writes in a few statements."""
    if not applied:
        return
    now = clock.now()
    current = await batch_repo.grants_containing(session, [a.state.customer_id for a in applied], day)
    plans: list[tuple[_Applied, rules.GrantAction, Any]] = []
    for item in applied:
        grants = current.get(item.state.customer_id, {})
        states = {
            code: rules.GrantState(code, g.period_start, g.period_end, g.quota, g.used, g.reserved)
            for code, g in grants.items()
        }
        for action in rules.plan_grants(catalog, item.state.tier, day, states):
            plans.append((item, action, grants.get(action.service_code)))
    creating = {item.state.customer_id for item, action, _ in plans if action.action == "create"}
    uses = await batch_repo.used_units(session, sorted(creating)) if creating else []
    new_rows = []
    for item, action, _ in plans:
        if action.action == "create":
            carried = _carried(uses, item.state.customer_id, action.service_code, action.period)
            new_rows.append(_grant_row(item, action, carried, now))
    created = {
        (g.customer_id, g.service_code, g.period_start, g.period_end): g
        for g in await batch_repo.insert_grants(session, new_rows)
    }
    changed = await batch_repo.set_quotas(
        session,
        [{"id": g.id, "quota": a.quota, "tier": i.state.tier} for i, a, g in plans if a.action == "set_quota"],
        now,
    )
    ledger: list[dict[str, Any]] = []
    events: list[tuple[str, BaseModel | EventJson, str]] = []
    for item, action, existing in plans:
        cid, tier = item.state.customer_id, item.state.tier
        if action.action == "create":
            grant = created.get((cid, action.service_code, action.period.start, action.period.end))
            if grant is None:  # the period's grant existed already: nothing changes
                continue
            carried = grant.used
            entry = ("granted", granted_reason(item.reason, action.quota, action.period, tier, carried))
        else:
            grant = changed[existing.id]
            entry = ("quota_changed", quota_reason(item.reason, action.previous_quota, action.quota, tier))
        ledger.append(_ledger_row(grant, entry, item.source, now))
        events.append((Topic.entitlement_changed.value, change_event_json(grant, item.reason), cid))
    await copy_rows(session, LedgerEntry.__table__, ledger)  # type: ignore[arg-type]
    await add_events(session, events, source=SOURCE)


def _grant_row(item: _Applied, action: rules.GrantAction, carried: int, now: dt.datetime) -> dict[str, Any]:
    return {
        "customer_id": item.state.customer_id,
        "service_code": action.service_code,
        "period_start": action.period.start,
        "period_end": action.period.end,
        "quota": action.quota,
        "used": carried,
        "reserved": 0,
        "tier": item.state.tier,
        "created_at": now,
        "updated_at": now,
    }


def _ledger_row(grant: Any, entry: tuple[str, str], source: str, now: dt.datetime) -> dict[str, Any]:
    action, reason = entry
    return {
        "customer_id": grant.customer_id,
        "service_code": grant.service_code,
        "grant_id": grant.id,
        "reservation_id": None,
        "action": action,
        "units": 0,
        "quota": grant.quota,
        "used": grant.used,
        "reserved": grant.reserved,
        "reason": reason,
        "source": source,
        "created_at": now,
    }
