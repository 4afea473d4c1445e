"""The events booking writes to its outbox (in the caller's transaction)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events import BookingChangedV1, Topic
from services.booking import contacts
from services.booking.models import Booking
from vipkit.events import add_event
from vipkit.notifications import request_notification

SOURCE = "booking"


async def notify(session: AsyncSession, booking: Booking, template: str, text: str) -> None:
    """Ask the notifier to send ``text`` to the booking's contact mobile, else the customer's policy mobile."""
    await request_notification(
        session,
        booking.customer_id,
        mobile=await contacts.mobile_for(session, booking),
        template=template,
        text=text,
        source=SOURCE,
        reference=booking.id,
    )


async def booking_changed(session: AsyncSession, booking: Booking, from_status: str | None, reason: str | None) -> None:
    await add_event(
        session,
        Topic.booking_changed.value,
        BookingChangedV1(
            booking_id=booking.id,
            customer_id=booking.customer_id,
            beneficiary_id=booking.beneficiary_id,
            service_code=booking.service_code,
            clinic_id=booking.clinic_id,
            date=booking.date,
            from_status=from_status,
            to_status=booking.status,
            reason=reason,
        ),
        key=booking.customer_id,
        source=SOURCE,
    )
