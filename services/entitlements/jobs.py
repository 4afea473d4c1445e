"""Entitlements scheduled jobs (the same code the ops runs endpoint calls).

Reconciliation (SPEC 3.1): page through tiering's ``GET /api/v1/tiers`` (docs/internal-apis.md) and
repair every customer whose stored tier state is older than tiering's (a lost or dead-lettered
``tier.changed.v1``) or whose current-period grants do not match their tier (also creates the new
period's grants after a period boundary). Each customer is repaired in its own transaction through
the same code as the consumer, so a repair is idempotent: a second run finds nothing to do.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from services.entitlements import grants, service
from services.entitlements import repository as repo
from services.entitlements.catalog import Catalog
from services.entitlements.context import EntitlementsContext
from services.entitlements.models import CustomerTier
from vipkit import clock, durable
from vipkit.db import Database
from vipkit.http import InternalClient
from vipkit.problems import ServiceUnavailable
from vipkit.scheduler import DailyJob

log = logging.getLogger("entitlements.reconciliation")

RECONCILIATION_AT = dt.time(1, 30)
PAGE_SIZE = 500


def _parse_since(raw: Any) -> dt.datetime:
    if not raw:
        return clock.now()
    text = str(raw)
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return clock.now()
    if len(text) == 10 or value.tzinfo is None:  # a bare date, or a naive local time
        return value.replace(tzinfo=clock.SHANGHAI)
    return value


def _score(raw: Any) -> Decimal | None:
    try:
        return Decimal(str(raw)) if raw is not None else None
    except InvalidOperation:
        return None


async def reconcile_customer(db: Database, catalog: Catalog, item: dict[str, Any]) -> dict[str, Any]:
    """Compare one customer with tiering's current state and repair drift (own transaction)."""
    customer_id = str(item["customer_id"])
    tier, sequence = str(item["tier"]), int(item.get("sequence") or 0)
    if item.get("program") not in (None, catalog.program) or not catalog.has_tier(tier):
        return {"outcome": "skipped", "customer_id": customer_id, "why": f"program/tier {item.get('program')}/{tier}"}
    async with db.transaction() as session:
        stored = await repo.get_tier(session, customer_id, lock=True)
        stored_tier = stored.tier if stored else None
        stored_sequence = stored.sequence if stored else None
        if stored is None or stored.sequence < sequence:
            changes = await _take_tiering_state(session, catalog, item, stored_tier, stored_sequence)
        else:
            why = _not_repairable(customer_id, stored, tier, sequence)
            if why is not None:
                return {"outcome": "skipped", "customer_id": customer_id, "why": why}
            changes = await grants.sync_grants(
                session,
                catalog,
                customer_id,
                stored.tier,
                clock.today(),
                reason="reconciliation: grants repaired to follow tier " + stored.tier,
                source="reconciliation",
            )
    if not changes:
        return {"outcome": "ok", "customer_id": customer_id}
    repair = {
        "customer_id": customer_id,
        "from_tier": stored_tier,
        "to_tier": tier,
        "stored_sequence": stored_sequence,
        "tiering_sequence": sequence,
        "changes": changes,
    }
    log.warning("entitlements drift repaired", extra=repair)
    return {"outcome": "repaired", **repair}


async def _take_tiering_state(
    session: AsyncSession,
    catalog: Catalog,
    item: dict[str, Any],
    stored_tier: str | None,
    stored_sequence: int | None,
) -> list[str]:
    """Tiering is ahead (or we have nothing): apply its state as the consumer would; what changed."""
    tier, sequence = str(item["tier"]), int(item.get("sequence") or 0)
    state = service.TierState(
        customer_id=str(item["customer_id"]),
        program=catalog.program,
        tier=tier,
        status=str(item.get("status") or "confirmed"),
        sequence=sequence,
        effective_at=_parse_since(item.get("since")),
        score=_score(item.get("score")),
    )
    reason = (
        f"reconciliation: tier {stored_tier or '-'} -> {tier} "
        f"(tiering sequence {sequence}, stored {stored_sequence if stored_sequence is not None else '-'})"
    )
    result = await service.apply_tier_state(session, catalog, state, source="reconciliation", reason=reason)
    return ["tier state", *result.grant_changes] if result.applied else []


def _not_repairable(customer_id: str, stored: CustomerTier, tier: str, sequence: int) -> str | None:
    """Why a stored state at or past tiering's sequence is left alone (None: only its grants may drift)."""
    if stored.sequence > sequence:
        return f"tiering sequence {sequence} is behind stored {stored.sequence}"
    if stored.tier != tier:
        log.error(
            "same sequence, different tier: left for ops",
            extra={"customer_id": customer_id, "stored": stored.tier, "tiering": tier, "seq": sequence},
        )
        return "same sequence, different tier"
    return None


async def reconcile(
    db: Database, catalog: Catalog, client: InternalClient, as_of: dt.datetime, *, page_size: int = PAGE_SIZE
) -> dict[str, Any]:
    """One reconciliation run over every customer tiering knows (paged by customer id)."""
    with clock.frozen(as_of):
        checked, pages = 0, 0
        repaired: list[dict[str, Any]] = []
        skipped: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": page_size}
            if cursor:
                params["cursor"] = cursor
            try:
                response = await client.client.get("/api/v1/tiers", params=params)
                response.raise_for_status()
            except httpx.HTTPError as exc:  # nothing repaired past this page; the next run starts over
                raise ServiceUnavailable(f"tiering could not be read: {exc.__class__.__name__}") from exc
            body = response.json()
            pages += 1
            for item in body.get("items", []):
                checked += 1
                outcome = await reconcile_customer(db, catalog, item)
                if outcome["outcome"] == "repaired":
                    repaired.append({k: v for k, v in outcome.items() if k != "outcome"})
                elif outcome["outcome"] == "skipped":
                    skipped.append({k: v for k, v in outcome.items() if k != "outcome"})
            cursor = body.get("next_cursor")
            if not cursor or not body.get("items"):
                break
        log.info("reconciliation finished", extra={"checked": checked, "repaired": len(repaired), "pages": pages})
        return {"as_of": as_of, "checked": checked, "repaired": repaired, "skipped": skipped, "pages": pages}


def daily_jobs(ctx: EntitlementsContext) -> list[DailyJob]:
    async def run(as_of: dt.datetime) -> object:
        result = await reconcile(
            ctx.database, ctx.catalog, ctx.tiering_client, as_of, page_size=ctx.settings.reconciliation_page_size
        )
        return f"checked={result['checked']} repaired={len(result['repaired'])}"

    return [DailyJob("entitlements-reconciliation", RECONCILIATION_AT, run)]


# --- orphaned reservations (issue 12) ------------------------------------------------------------------
async def release_orphans(
    db: Database, booking: InternalClient, *, older_than_minutes: float, now: dt.datetime | None = None
) -> dict[str, int]:
    """Release every unit reserved for longer than ``older_than_minutes`` (by ``created_at``) that no
    booking or second-opinion request holds: ``release_unheld`` of those candidates."""
    cutoff = (now or clock.now()) - dt.timedelta(minutes=older_than_minutes)
    return await release_unheld(db, booking, await stale_reservations(db, cutoff))


async def release_unheld(
    db: Database, booking: InternalClient, candidates: Sequence[tuple[str, str | None]]
) -> dict[str, int]:
    """Release each candidate ``(reservation id, reference)`` that no booking or second-opinion
    request holds (booking answers by reference). A booking that cannot be asked is skipped until
    the next pass; a held reservation is left to its booking's own ledger job."""
    released = skipped = 0
    for reservation_id, reference in candidates:
        if reference:
            try:
                response = await booking.client.get(f"/api/v1/internal/reservation-holders/{reference}")
                response.raise_for_status()
                held = bool(response.json().get("held"))
            except Exception as exc:  # booking unreachable: ask again next pass
                log.warning("reservation holder unknown", extra={"reference": reference, "error": repr(exc)})
                skipped += 1
                continue
            if held:
                continue
        async with db.transaction() as session:
            try:
                await service.settle(session, reservation_id, consume=False, reason="no_holder")
            except service.IllegalTransition:
                continue  # settled meanwhile
        log.warning("orphaned reservation released", extra={"reservation_id": reservation_id, "reference": reference})
        released += 1
    return {"checked": len(candidates), "released": released, "skipped": skipped}


async def stale_reservations(db: Database, older_than: dt.datetime, *, page: int = 500) -> list[tuple[str, str | None]]:
    """Every reservation still reserved that was made before ``older_than`` (id, reference), oldest
    first, read page by page (keyset on created_at, id): none is left out however many there are."""
    found: list[tuple[str, str | None]] = []
    after: tuple[dt.datetime, str] | None = None
    while True:
        async with db.sessionmaker() as session:
            rows = await repo.stale_reserved(session, older_than, limit=page, after=after)
        found += [(r.id, r.reference) for r in rows]
        if len(rows) < page:
            return found
        after = (rows[-1].created_at, rows[-1].id)


ORPHAN_JOB = "entitlements.release_orphans"


class OrphanWatch:
    """The orphaned-reservation pass, a recurring durable job (``vipkit.durable``) run every
    ``orphan_check_seconds`` by one replica while the scheduler is on, so no unit stays reserved
    without a holder for longer than the check interval plus ``orphan_after_minutes`` (12 minutes by
    default). A settled reservation refuses a second settle, so a unit is released once."""

    def __init__(self, ctx: EntitlementsContext) -> None:
        self.ctx = ctx
        self.booking: InternalClient | None = None
        self.passes = 0

    def job_kinds(self) -> dict[str, durable.JobKind]:
        if not self.ctx.common.scheduler_enabled:
            return {}
        return {ORPHAN_JOB: durable.JobKind(self.run_pass, every_seconds=self.ctx.settings.orphan_check_seconds)}

    async def stop(self, app: object) -> None:
        if self.booking is not None:
            await self.booking.aclose()

    async def run_pass(self, _payload: dict[str, Any]) -> None:
        await self.pass_once()
        self.passes += 1

    async def pass_once(self) -> dict[str, int]:
        """One pass. A unit's age counts on the wall clock from when a pass first saw it reserved
        (``watch_seen_at``, kept in the database so every replica and a restart agree), never from
        its ``created_at``: that is on the clock of the request that made it (a test clock,
        ``X-Test-Now``, may be months away from the wall clock), so a reservation made under a test
        clock is not a candidate at once."""
        if self.booking is None:
            self.booking = InternalClient(self.ctx.settings.booking_url, self.ctx.common, service="entitlements")
        now = durable.utcnow()
        bound = dt.timedelta(minutes=self.ctx.settings.orphan_after_minutes)
        async with self.ctx.database.transaction() as session:
            await repo.mark_reserved_seen(session, now)
        async with self.ctx.database.sessionmaker() as session:
            due = await repo.reserved_seen_before(session, now - bound)
        return await release_unheld(self.ctx.database, self.booking, due)
