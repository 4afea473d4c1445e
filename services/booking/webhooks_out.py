"""Outbound partner webhooks (SPEC 4.3), signed per Standard Webhooks with the ``standardwebhooks`` package.

``enqueue`` writes a delivery row and its durable job (``vipkit.durable``) in the booking's
transaction. The job (``ordering_key`` = the booking: a later webhook of one booking waits until the
earlier one is delivered, or discarded by ops) posts the signed message, logs the attempt on the
delivery row and is retried on the schedule of ``rules.RETRY_DELAYS`` (> 24 h); then the job is
``dead`` and the delivery ``failed`` (ops retry either). ``next_attempt_at`` on the row shows the
job's next try (the same schedule, no jitter). The booking request never waits on the partner.

Signature timestamps and the queue's schedule use the real wall clock (transport security, like a
TLS certificate's validity), not the business test clock of SPEC 7.3.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook

from services.booking import mapping, rules
from services.booking import repository as repo
from services.booking.context import BookingContext, wall_now
from services.booking.models import Booking, WebhookAttempt, WebhookDelivery
from services.booking.schemas import DeliveryRead
from vipkit import clock, durable, durable_ops
from vipkit.problems import NotFound
from vipkit.urlguard import UnsafeUrl, UrlGuard, printable_excerpt

log = logging.getLogger("booking.webhooks")


def booking_payload(booking: Booking, *, reason: str | None = None, mobile: str | None = None) -> dict[str, Any]:
    """The clinic's view of a booking; ``mobile``: the number to call (``contacts.mobile_for``)."""
    data: dict[str, Any] = {
        "booking_id": booking.id,
        "clinic_id": booking.clinic_id,
        "service_code": booking.service_code,
        "date": booking.date.isoformat(),
        "package_code": booking.package_code,
        "customer_id": booking.customer_id,
        "beneficiary_id": booking.beneficiary_id,
        "contact_mobile": mobile or booking.contact_mobile,
        "status": booking.status,
    }
    if reason:
        data["reason"] = reason
    return data


WEBHOOK_JOB = "booking.webhook"
#: the job's window outlives the schedule (the schedule's end makes it dead, not the window)
WEBHOOK_RETRY_FOR = rules.total_retry_window() + dt.timedelta(hours=24)


class PartnerNotReached(Exception):
    """The partner did not accept the message this time: the job tries again on the schedule."""


async def enqueue(
    session: AsyncSession, partner_id: str, booking_id: str | None, event_type: str, data: dict[str, Any]
) -> str:
    """Add an outbound webhook (its delivery row and its durable job), in the caller's transaction."""
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
    await durable.enqueue(
        session,
        WEBHOOK_JOB,
        {"delivery_id": delivery_id},
        dedupe_key=job_key(delivery_id),
        ordering_key=f"booking:{booking_id}" if booking_id else None,
        retry_for=WEBHOOK_RETRY_FOR,
    )
    return delivery_id


def job_key(delivery_id: str) -> str:
    return f"webhook:{delivery_id}"


def retry_delay(failed_attempts: int) -> float | None:
    """The job's schedule: ``rules.RETRY_DELAYS`` (5 s ... 10 h, > 24 h in all), then give up."""
    delay = rules.next_retry_delay(failed_attempts)
    return delay.total_seconds() if delay is not None else None


def sign_headers(secret: str, msg_id: str, body: str, at: dt.datetime) -> dict[str, str]:
    """Standard Webhooks headers for ``body`` signed at ``at``."""
    at = at.astimezone(dt.UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, at, body),
        "content-type": "application/json",
    }


# --- delivery ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """One delivery attempt as it happened."""

    started_at: dt.datetime
    duration_ms: int
    status_code: int | None
    error: str | None


async def run_job(ctx: BookingContext, client: httpx.AsyncClient, payload: dict[str, Any]) -> None:
    """The delivery job: post the message once, record the attempt; raise to be retried."""
    async with ctx.database.transaction() as session:
        delivery = await session.get(WebhookDelivery, str(payload["delivery_id"]))
        partner = await repo.get_partner(session, delivery.partner_id) if delivery is not None else None
    if delivery is None or partner is None or delivery.status == "delivered":
        return
    status, error = await deliver(ctx, client, delivery, partner.webhook_url, partner.secret, wall_now())
    if status == "failed":
        raise durable.PermanentJobError(error or "webhook delivery gave up")
    if status == "pending":
        raise PartnerNotReached(error or "webhook not delivered")


async def delivery_dead(session: AsyncSession, payload: dict[str, Any], error: str) -> None:
    """The job gave up (schedule over, or ops' retry failed again): the delivery shows ``failed``."""
    row = await session.get(WebhookDelivery, str(payload["delivery_id"]))
    if row is not None and row.status != "delivered":
        row.status, row.next_attempt_at = "failed", None


def job_kinds(ctx: BookingContext) -> dict[str, durable.JobKind]:
    async def handler(payload: dict[str, Any]) -> None:
        await run_job(ctx, ctx.webhook_client, payload)

    return {WEBHOOK_JOB: durable.JobKind(handler, delivery_dead, retry_delay=retry_delay)}


async def post_signed(
    client: httpx.AsyncClient, delivery: WebhookDelivery, url: str, secret: str, guard: UrlGuard | None = None
) -> Outcome:
    """POST one signed delivery to the partner; never raises (the error is the outcome).

    With ``guard`` the URL's resolved addresses are checked first (nothing is sent to an internal
    address that is not allow-listed), and the answer's text is quoted (truncated) only when it
    came from a public address."""
    started = time.perf_counter()
    started_at = wall_now()
    status_code: int | None = None
    error: str | None = None
    internal = True
    try:
        if guard is not None:
            internal = await asyncio.to_thread(guard.check_resolved, url)
        headers = sign_headers(secret, delivery.id, delivery.payload, started_at)
        response = await client.post(url, content=delivery.payload.encode(), headers=headers)
        status_code = response.status_code
        if not 200 <= status_code < 300:
            quoted = "" if internal else f": {printable_excerpt(response.text)}"
            error = f"partner answered {status_code}{quoted}"
    except UnsafeUrl as exc:
        error = f"webhook_url refused: {exc}"
    except Exception as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:300]
    return Outcome(started_at, int((time.perf_counter() - started) * 1000), status_code, error)


async def deliver(
    ctx: BookingContext, client: httpx.AsyncClient, delivery: WebhookDelivery, url: str, secret: str, now: dt.datetime
) -> tuple[str, str | None]:
    """Deliver one message and record the attempt: returns the delivery's status and the error."""
    outcome = await post_signed(client, delivery, url, secret, ctx.url_guard)
    async with ctx.database.transaction() as session:
        row = await session.get(WebhookDelivery, delivery.id)
        if row is None:
            return "delivered", None  # purged meanwhile: nothing left to do
        record_attempt(session, row, outcome, now)
        status = row.status
    log.info(
        "webhook attempt",
        extra={
            "delivery_id": delivery.id,
            "status_code": outcome.status_code,
            "ok": outcome.error is None,
            "ms": outcome.duration_ms,
        },
    )
    return status, outcome.error


def record_attempt(session: AsyncSession, row: WebhookDelivery, outcome: Outcome, now: dt.datetime) -> None:
    row.attempts += 1
    row.last_status_code = outcome.status_code
    row.last_error = outcome.error
    session.add(
        WebhookAttempt(
            delivery_id=row.id,
            attempt_no=row.attempts,
            started_at=outcome.started_at,
            duration_ms=outcome.duration_ms,
            status_code=outcome.status_code,
            error=outcome.error,
            outcome="delivered" if outcome.error is None else "failed",
        )
    )
    if outcome.error is None:
        row.status, row.delivered_at, row.next_attempt_at = "delivered", outcome.started_at, None
        return
    delay = rules.next_retry_delay(row.attempts)
    if delay is None:
        row.status, row.next_attempt_at = "failed", None
        log.error("webhook delivery gave up", extra={"delivery_id": row.id, "partner_id": row.partner_id})
    else:
        row.next_attempt_at = now + delay


# --- ops ----------------------------------------------------------------------------------------------------
async def retry_delivery(ctx: BookingContext, delivery_id: str) -> DeliveryRead:
    """Ops: put a delivery (typically a given-up one) back in the queue, due now."""
    async with ctx.database.transaction() as session:
        row = await session.get(WebhookDelivery, delivery_id)
        if row is None:
            raise NotFound("delivery not found")
        if row.status != "delivered":
            row.status, row.next_attempt_at = "pending", wall_now()
            if not await durable_ops.retry_job_by_key(session, job_key(row.id)):
                await repo.webhook_job_due_now(session, job_key(row.id), wall_now())
        found = await repo.list_deliveries(session, row.booking_id, None)
        attempts = next((a for d, a in found if d.id == row.id), [])
        view = mapping.delivery_read(row, attempts)
    return view
