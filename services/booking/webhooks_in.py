"""Inbound partner webhooks (SPEC 4.3): ``handle_inbound`` verifies the Standard Webhooks signature
(5-minute tolerance), dedupes on the partner's ``webhook-id`` (insert-or-ignore in the same
transaction as the effect), and drives the booking state machine."""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks.webhooks import Webhook

from services.booking import errors, rules
from services.booking import repository as repo
from services.booking.catalog import service_name, warm_catalog
from services.booking.context import BookingContext
from services.booking.ledger import settle_ledger
from services.booking.rules import BookingStatus
from services.booking.schemas import PartnerEvent, WebhookAck
from services.booking.transitions import transition
from vipkit import clock
from vipkit.problems import InvalidSignature, NotFound, ValidationProblem

INBOUND_TYPES: dict[str, BookingStatus] = {
    "booking.confirmed": BookingStatus.confirmed,
    "booking.rejected": BookingStatus.rejected,
    "booking.completed": BookingStatus.completed,
    "booking.no_show": BookingStatus.no_show,
}


def verify(secret: str, body: bytes, headers: dict[str, str]) -> None:
    """Raise ``InvalidSignature`` unless the body is signed with ``secret`` within 5 minutes."""
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except Exception as exc:  # WebhookVerificationError, malformed headers, bad base64 ...
        raise InvalidSignature(f"webhook signature rejected: {exc}") from exc


def parse_event(body: bytes) -> PartnerEvent:
    """The partner's event, or a 422 naming the first bad field."""
    try:
        return PartnerEvent.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValidationProblem(
            f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}",
            field=".".join(str(p) for p in first["loc"]),
        ) from exc


async def handle_inbound(ctx: BookingContext, partner_id: str, body: bytes, headers: dict[str, str]) -> WebhookAck:
    await warm_catalog(ctx)
    async with ctx.database.transaction() as session:
        partner = await repo.get_partner(session, partner_id)
        if partner is None:
            raise NotFound("partner not found")
        verify(partner.secret, body, headers)
        event = parse_event(body)
        webhook_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
        if not await repo.remember_inbound(session, partner_id, webhook_id, event.type, event.booking_id, clock.now()):
            return await _duplicate(session, partner_id, event.booking_id)
        result, settle = await _apply(ctx, session, partner_id, event)
    if settle:
        await settle_ledger(ctx, event.booking_id)
    return result


async def _duplicate(session: AsyncSession, partner_id: str, booking_id: str) -> WebhookAck:
    booking = await repo.get_booking(session, booking_id)
    status = booking.status if booking and booking.partner_id == partner_id else None
    return WebhookAck(status="duplicate", booking_id=booking_id, booking_status=status)


async def _apply(
    ctx: BookingContext, session: AsyncSession, partner_id: str, event: PartnerEvent
) -> tuple[WebhookAck, bool]:
    """Drive the state machine; returns the answer and whether a ledger effect is to be settled."""
    booking = await repo.get_booking(session, event.booking_id)
    if booking is None or booking.partner_id != partner_id:
        raise NotFound("booking not found for this partner")
    target = INBOUND_TYPES[event.type]
    if booking.status == target.value:
        return WebhookAck(status="unchanged", booking_id=booking.id, booking_status=booking.status), False
    today = clock.today()
    if rules.too_early_for_outcome(target, booking.date, today):
        raise errors.outcome_too_early(booking.status, target.value, booking.date, today)
    reason = event.data.get("reason")
    await transition(
        session,
        booking,
        target,
        actor=f"partner:{partner_id}",
        reason=str(reason)[:200] if reason else event.type,
        service_name=await service_name(ctx, booking.service_code),
    )
    settle = rules.LEDGER_EFFECT.get(target) is not None
    return WebhookAck(status="applied", booking_id=booking.id, booking_status=booking.status), settle
