"""Partner webhooks (SPEC 4.3), signed per Standard Webhooks with the ``standardwebhooks`` package.

Outbound: ``enqueue`` writes a delivery row in the booking's transaction (a persistent queue); the
``BackgroundWorker`` delivers due rows, logs every attempt and retries with the backoff of
``rules.RETRY_DELAYS`` (> 24 h) before giving up (ops can retry). The booking request never waits
on the partner.

Inbound: ``handle_inbound`` verifies the signature (5-minute tolerance), dedupes on the partner's
``webhook-id`` (insert-or-ignore in the same transaction as the effect), and drives the state machine.

Signature timestamps and the queue's schedule use the real wall clock (transport security, like a
TLS certificate's validity), not the business test clock of SPEC 7.3.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import time
import uuid
from typing import Any

import httpx
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook

from services.booking import repository as repo
from services.booking import rules
from services.booking.models import Booking, WebhookAttempt, WebhookDelivery
from services.booking.rules import BookingStatus
from services.booking.schemas import PartnerEvent
from services.booking.service import (
    BookingContext,
    InvalidSignature,
    _service_name,
    settle_ledger,
    sweep_attempts,
    wall_now,
    warm_catalog,
)
from services.booking.service import transition as apply_transition
from vipkit import clock
from vipkit.masking import mask_text
from vipkit.problems import NotFound, ValidationProblem

log = logging.getLogger("booking.webhooks")

INBOUND_TYPES: dict[str, BookingStatus] = {
    "booking.confirmed": BookingStatus.confirmed,
    "booking.rejected": BookingStatus.rejected,
    "booking.completed": BookingStatus.completed,
    "booking.no_show": BookingStatus.no_show,
}


def booking_payload(booking: Booking, *, reason: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "booking_id": booking.id,
        "clinic_id": booking.clinic_id,
        "service_code": booking.service_code,
        "date": booking.date.isoformat(),
        "package_code": booking.package_code,
        "customer_id": booking.customer_id,
        "beneficiary_id": booking.beneficiary_id,
        "contact_mobile": booking.contact_mobile,
        "status": booking.status,
    }
    if reason:
        data["reason"] = reason
    return data


async def enqueue(
    session: AsyncSession, partner_id: str, booking_id: str | None, event_type: str, data: dict[str, Any]
) -> str:
    """Add an outbound webhook to the persistent queue, in the caller's transaction."""
    now = wall_now()
    delivery_id = f"msg_{uuid.uuid4().hex}"
    payload = {"type": event_type, "timestamp": clock.now().isoformat(), "data": data}
    session.add(
        WebhookDelivery(
            id=delivery_id,
            partner_id=partner_id,
            booking_id=booking_id,
            event_type=event_type,
            payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )
    await session.flush()
    return delivery_id


def sign_headers(secret: str, msg_id: str, body: str, at: dt.datetime) -> dict[str, str]:
    """Standard Webhooks headers for ``body`` signed at ``at``."""
    at = at.astimezone(dt.UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, at, body),
        "content-type": "application/json",
    }


def verify(secret: str, body: bytes, headers: dict[str, str]) -> None:
    """Raise ``InvalidSignature`` unless the body is signed with ``secret`` within 5 minutes."""
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except Exception as exc:  # WebhookVerificationError, malformed headers, bad base64 ...
        raise InvalidSignature(f"webhook signature rejected: {exc}") from exc


# --- outbound delivery ------------------------------------------------------------------------------------
class BackgroundWorker:
    """Delivers due webhooks, retries pending ledger effects, and sweeps stranded reservations."""

    def __init__(self, ctx: BookingContext, *, client: httpx.AsyncClient | None = None) -> None:
        self.ctx = ctx
        self.settings = ctx.settings
        self.client = client or httpx.AsyncClient(timeout=ctx.settings.webhook_timeout_seconds)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_sweep = 0.0

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="booking-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.client.aclose()

    async def _loop(self) -> None:
        while True:
            try:
                busy = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("booking worker iteration failed")
                busy = 0
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.worker_poll_seconds)
                self._wake.clear()

    async def run_once(self, now: dt.datetime | None = None, *, sweep: bool | None = None) -> int:
        """One pass (tests drive it with ``now``): returns how much work was done."""
        done = await self.deliver_due(now)
        done += await self.settle_ledgers()
        monotonic = time.monotonic()
        if sweep or (sweep is None and monotonic - self._last_sweep >= self.settings.sweeper_interval_seconds):
            self._last_sweep = monotonic
            await sweep_attempts(self.ctx, now)
        return done

    async def settle_ledgers(self) -> int:
        async with self.ctx.database.transaction() as session:
            pending = await repo.pending_ledger_bookings(session, max_attempts=50)
        for booking_id in pending:
            await settle_ledger(self.ctx, booking_id)
        return 0  # retries wait for the next poll

    async def deliver_due(self, now: dt.datetime | None = None) -> int:
        now = now or wall_now()
        lease_until = now + dt.timedelta(seconds=self.settings.webhook_lease_seconds)
        claimed: list[tuple[WebhookDelivery, str, str]] = []
        async with self.ctx.database.transaction() as session:
            for delivery in await repo.due_deliveries(session, now):
                assert delivery.next_attempt_at is not None
                if not await repo.lease_delivery(session, delivery.id, delivery.next_attempt_at, lease_until):
                    continue
                partner = await repo.get_partner(session, delivery.partner_id)
                if partner is None:
                    continue
                claimed.append((delivery, partner.webhook_url, partner.secret))
        if claimed:
            await asyncio.gather(*(self._deliver(d, url, secret, now) for d, url, secret in claimed))
        return len(claimed)

    async def _deliver(self, delivery: WebhookDelivery, url: str, secret: str, now: dt.datetime) -> None:
        started = time.perf_counter()
        started_at = wall_now()
        status_code: int | None = None
        error: str | None = None
        try:
            headers = sign_headers(secret, delivery.id, delivery.payload, started_at)
            response = await self.client.post(url, content=delivery.payload.encode(), headers=headers)
            status_code = response.status_code
            if not 200 <= status_code < 300:
                error = f"partner answered {status_code}: {response.text[:300]}"
        except Exception as exc:
            error = f"{exc.__class__.__name__}: {exc}"[:1000]
        duration_ms = int((time.perf_counter() - started) * 1000)
        async with self.ctx.database.transaction() as session:
            row = await session.get(WebhookDelivery, delivery.id)
            if row is None:
                return
            row.attempts += 1
            row.last_status_code = status_code
            row.last_error = error
            session.add(
                WebhookAttempt(
                    delivery_id=row.id,
                    attempt_no=row.attempts,
                    started_at=started_at,
                    duration_ms=duration_ms,
                    status_code=status_code,
                    error=error,
                    outcome="delivered" if error is None else "failed",
                )
            )
            if error is None:
                row.status, row.delivered_at, row.next_attempt_at = "delivered", started_at, None
            else:
                delay = rules.next_retry_delay(row.attempts)
                if delay is None:
                    row.status, row.next_attempt_at = "failed", None
                    log.error("webhook delivery gave up", extra={"delivery_id": row.id, "partner_id": row.partner_id})
                else:
                    row.next_attempt_at = now + delay
        log.info(
            "webhook attempt",
            extra={"delivery_id": delivery.id, "status_code": status_code, "ok": error is None, "ms": duration_ms},
        )


def delivery_view(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> dict[str, Any]:
    return {
        "delivery_id": delivery.id,
        "partner_id": delivery.partner_id,
        "booking_id": delivery.booking_id,
        "event_type": delivery.event_type,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "next_attempt_at": delivery.next_attempt_at,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error,
        "created_at": delivery.created_at,
        "delivered_at": delivery.delivered_at,
        "payload": json.loads(mask_text(delivery.payload)),
        "attempt_log": [
            {
                "attempt_no": a.attempt_no,
                "started_at": a.started_at,
                "duration_ms": a.duration_ms,
                "status_code": a.status_code,
                "error": a.error,
                "outcome": a.outcome,
            }
            for a in attempts
        ],
    }


async def retry_delivery(ctx: BookingContext, delivery_id: str) -> dict[str, Any]:
    """Ops: put a delivery (typically a given-up one) back in the queue, due now."""
    async with ctx.database.transaction() as session:
        row = await session.get(WebhookDelivery, delivery_id)
        if row is None:
            raise NotFound("delivery not found")
        if row.status != "delivered":
            row.status, row.next_attempt_at = "pending", wall_now()
        found = await repo.list_deliveries(session, row.booking_id, None)
        attempts = next((a for d, a in found if d.id == row.id), [])
        view = delivery_view(row, attempts)
    ctx.wake()
    return view


# --- inbound -------------------------------------------------------------------------------------------------
async def handle_inbound(ctx: BookingContext, partner_id: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    settle: str | None = None
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        partner = await repo.get_partner(session, partner_id)
        if partner is None:
            raise NotFound("partner not found")
        verify(partner.secret, body, headers)
        try:
            event = PartnerEvent.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValidationProblem(
                f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}",
                field=".".join(str(p) for p in first["loc"]),
            ) from exc
        webhook_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
        if not await repo.remember_inbound(session, partner_id, webhook_id, event.type, event.booking_id, clock.now()):
            booking = await repo.get_booking(session, event.booking_id)
            return {
                "status": "duplicate",
                "booking_id": event.booking_id,
                "booking_status": booking.status if booking and booking.partner_id == partner_id else None,
            }
        booking = await repo.get_booking(session, event.booking_id)
        if booking is None or booking.partner_id != partner_id:
            raise NotFound("booking not found for this partner")
        target = INBOUND_TYPES[event.type]
        if booking.status == target.value:
            return {"status": "unchanged", "booking_id": booking.id, "booking_status": booking.status}
        reason = event.data.get("reason")
        await apply_transition(
            session,
            booking,
            target,
            actor=f"partner:{partner_id}",
            reason=str(reason)[:200] if reason else event.type,
            service_name=await _service_name(ctx, booking.service_code),
        )
        if rules.LEDGER_EFFECT.get(target):
            settle = booking.id
        result = {"status": "applied", "booking_id": booking.id, "booking_status": booking.status}
    if settle is not None:
        await settle_ledger(ctx, settle)
    ctx.wake()
    return result
