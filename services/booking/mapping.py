"""Booking's row -> schema mapping in one place (bookings, second opinions, partners, clinics).

The use cases return these schemas; the routers return them as they are. The rules' values are
plain columns here (dates, statuses), read by the use cases directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from services.booking import rules
from services.booking.models import Booking, BookingHistory, SecondOpinion, WebhookAttempt, WebhookDelivery
from services.booking.schemas import (
    AttemptRead,
    BookingRead,
    ClinicRead,
    DeliveryRead,
    HistoryItem,
    PartnerRead,
    SecondOpinionRead,
)
from vipkit import clock
from vipkit.masking import mask_text


def ledger_state(booking: Booking) -> dict[str, object] | None:
    """The quota ledger step the booking waits for (consume or release), if any."""
    if not booking.ledger_action:
        return None
    return {
        "action": booking.ledger_action,
        "reason": booking.ledger_reason,
        "done": booking.ledger_done_at is not None,
        # the stable code only (e.g. service_unavailable): never the neighbour's internal text
        "error": booking.ledger_error.split(":", 1)[0] if booking.ledger_error else None,
    }


def booking_read(booking: Booking, history: Sequence[BookingHistory]) -> BookingRead:
    """A booking with its history (``contact_mobile`` is masked by the schema)."""
    return BookingRead(
        booking_id=booking.id,
        status=booking.status,  # type: ignore[arg-type]
        customer_id=booking.customer_id,
        beneficiary_id=booking.beneficiary_id,
        service_code=booking.service_code,
        clinic_id=booking.clinic_id,
        partner_id=booking.partner_id,
        date=booking.date,
        package_code=booking.package_code,
        contact_mobile=booking.contact_mobile,
        cancel_deadline=booking.cancel_deadline.astimezone(clock.SHANGHAI),
        reservation_id=booking.reservation_id,
        ledger=ledger_state(booking),
        created_at=booking.created_at,
        updated_at=booking.updated_at,
        history=[
            HistoryItem(from_status=h.from_status, to_status=h.to_status, reason=h.reason, actor=h.actor, at=h.at)
            for h in history
        ],
    )


def opinion_read(row: SecondOpinion, today: dt.date) -> SecondOpinionRead:
    """A second-opinion request with the SLA steps overdue on ``today`` (none once cancelled)."""
    overdue = []
    if rules.is_overdue(row.contact_due, row.contacted_at, today) and row.status != "cancelled":
        overdue.append("contact")
    if rules.is_overdue(row.opinion_due, row.delivered_at, today) and row.status != "cancelled":
        overdue.append("opinion")
    return SecondOpinionRead(
        request_id=row.id,
        customer_id=row.customer_id,
        beneficiary_id=row.beneficiary_id,
        service_code=row.service_code,
        partner_id=row.partner_id,
        status=row.status,
        requested_at=row.requested_at,
        contact_due=row.contact_due,
        contacted_at=row.contacted_at,
        materials_complete_at=row.materials_complete_at,
        opinion_due=row.opinion_due,
        delivered_at=row.delivered_at,
        overdue=overdue,
    )


def partner_read(row: Any) -> PartnerRead:
    return PartnerRead(
        partner_id=row.id,
        name=row.name,
        webhook_url=row.webhook_url,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def clinic_read(clinic: Any, services: list[Any]) -> ClinicRead:
    return ClinicRead.model_validate(
        {
            "clinic_id": clinic.id,
            "partner_id": clinic.partner_id,
            "name": clinic.name,
            "city": clinic.city,
            "address": clinic.address,
            "opening_weekdays": clinic.opening_weekdays,
            "open_on_holidays": clinic.open_on_holidays,
            "services": [
                {"service_code": s.service_code, "daily_capacity": s.daily_capacity, "packages": s.packages}
                for s in services
            ],
        }
    )


def delivery_read(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> DeliveryRead:
    """An outbound webhook delivery with its attempts (the payload's numbers masked)."""
    return DeliveryRead(
        delivery_id=delivery.id,
        partner_id=delivery.partner_id,
        booking_id=delivery.booking_id,
        event_type=delivery.event_type,
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        created_at=delivery.created_at,
        delivered_at=delivery.delivered_at,
        payload=json.loads(mask_text(delivery.payload)),
        attempt_log=[
            AttemptRead(
                attempt_no=a.attempt_no,
                started_at=a.started_at,
                duration_ms=a.duration_ms,
                status_code=a.status_code,
                error=a.error,
                outcome=a.outcome,
            )
            for a in attempts
        ],
    )
