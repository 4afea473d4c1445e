"""One step of the booking state machine (SPEC 4.2) with all its effects, in the caller's transaction:
the guarded status update, history, ``booking.changed.v1``, the freed capacity place, the pending
ledger effect, the customer's SMS and (on cancellation) the partner's webhook."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.booking import contacts, errors, events, ledger, rules, texts, webhooks_out
from services.booking import repository as repo
from services.booking.models import Booking
from services.booking.rules import BookingStatus
from vipkit import clock


async def transition(
    session: AsyncSession,
    booking: Booking,
    to_status: BookingStatus,
    *,
    actor: str,
    reason: str | None,
    service_name: str,
    ledger_reason: str | None = None,
) -> None:
    """Apply one state-machine step with all its effects, in the caller's transaction."""
    from_status = booking.status
    try:
        rules.check_transition(from_status, to_status)
    except rules.IllegalTransition as exc:
        raise errors.illegal(exc) from exc
    now = clock.now()
    if not await repo.set_status_if(session, booking.id, from_status, to_status, now):
        raise errors.concurrent_change(from_status, to_status)
    booking.status = to_status
    booking.updated_at = now
    await repo.add_history(session, booking.id, from_status, to_status, reason, actor, now)
    await events.booking_changed(session, booking, from_status, reason)
    if to_status not in rules.HOLDS_CAPACITY:
        await repo.free_place(session, booking.clinic_id, booking.service_code, booking.date)
    effect = rules.LEDGER_EFFECT.get(to_status)
    if effect is not None:
        booking.ledger_action = effect
        booking.ledger_reason = ledger_reason or to_status.value
        booking.ledger_done_at = None
        booking.ledger_attempts = 0
        booking.ledger_error = None
        await ledger.enqueue_booking_effect(session, booking)
    await _tell_customer(session, booking, to_status, reason, service_name)
    if to_status in (BookingStatus.cancelled, BookingStatus.cancelled_late):
        await _tell_partner_cancelled(session, booking, reason)
    await session.flush()


async def _tell_customer(
    session: AsyncSession, booking: Booking, to_status: BookingStatus, reason: str | None, service_name: str
) -> None:
    found = await repo.get_clinic(session, booking.clinic_id)
    clinic_name, address = (found[0].name, found[0].address) if found else (booking.clinic_id, "")
    if to_status == BookingStatus.confirmed:
        text = texts.booking_confirmed(service_name, clinic_name, address, booking.date, booking.cancel_deadline)
        await events.notify(session, booking, "booking_confirmed", text)
    elif to_status == BookingStatus.rejected:
        text = texts.booking_rejected(service_name, clinic_name, booking.date)
        await events.notify(session, booking, "booking_rejected", text)
    elif to_status in (BookingStatus.cancelled, BookingStatus.cancelled_late):
        late = to_status == BookingStatus.cancelled_late
        text = texts.booking_cancelled(service_name, booking.date, late)
        await events.notify(session, booking, "booking_cancelled", text)


async def _tell_partner_cancelled(session: AsyncSession, booking: Booking, reason: str | None) -> None:
    partner = await repo.get_partner(session, booking.partner_id)
    if partner is not None:
        payload = webhooks_out.booking_payload(
            booking, reason=reason, mobile=await contacts.mobile_for(session, booking)
        )
        await webhooks_out.enqueue(session, partner.id, booking.id, "booking.cancelled", payload)
