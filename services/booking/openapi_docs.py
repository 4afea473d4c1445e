"""OpenAPI documentation of the booking service's operations (applied by ``vipkit.app``)."""

from __future__ import annotations

from vipkit.openapi_docs import CUSTOMER_APP, OPS, PARTNER, STANDARD_WEBHOOK_HEADERS, Op

_V = "validation_error"
_BOOKING_EXAMPLE = {
    "booking_id": "B7Q2M4X9K1",
    "status": "pending",
    "customer_id": "C1001",
    "beneficiary_id": None,
    "service_code": "dental_cleaning",
    "clinic_id": "meinian-sh-jingan",
    "partner_id": "meinian",
    "date": "2026-10-09",
    "package_code": None,
    "contact_mobile": "138****8000",
    "cancel_deadline": "2026-10-08T12:00:00+08:00",
    "reservation_id": "R9F3K2D8",
    "ledger": None,
    "created_at": "2026-09-30T09:15:00+08:00",
    "updated_at": "2026-09-30T09:15:00+08:00",
    "history": [
        {
            "from_status": None,
            "to_status": "pending",
            "reason": None,
            "actor": "C1001",
            "at": "2026-09-30T09:15:00+08:00",
        }
    ],
}
_CLINIC = {
    "partner_id": "meinian",
    "name": "美年大健康上海静安分院",
    "city": "上海",
    "address": "上海市静安区南京西路1266号",
    "opening_weekdays": [1, 2, 3, 4, 5, 6],
    "open_on_holidays": False,
    "services": [
        {"service_code": "dental_cleaning", "daily_capacity": 20, "packages": []},
        {"service_code": "health_checkup", "daily_capacity": 30, "packages": [{"code": "basic", "name": "基础套餐"}]},
    ],
}

INBOUND_WEBHOOK_SCHEMA = {
    "type": "object",
    "required": ["type", "booking_id"],
    "properties": {
        "type": {
            "type": "string",
            "enum": ["booking.confirmed", "booking.rejected", "booking.completed", "booking.no_show"],
            "description": "What happened at the clinic.",
        },
        "booking_id": {"type": "string", "description": "The platform's booking id (from `booking.requested`)."},
        "data": {
            "type": "object",
            "description": "Free details, e.g. a rejection `reason`.",
            "additionalProperties": True,
        },
    },
}

DOCS: dict[str, Op] = {
    "put_partner": Op(
        "upsertPartner",
        "Create or update a partner",
        "Stores a partner clinic chain with the URL its booking webhooks go to and its Standard Webhooks "
        "secret (`whsec_<base64>`, never returned). 201 when created, 200 when updated.",
        (OPS,),
        "Partners",
        (_V,),
        "SPEC 4.3, 7",
        request_example={
            "name": "美年大健康",
            "webhook_url": "https://partner.example.com/vip/webhooks",
            "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        },
    ),
    "get_partner": Op(
        "getPartner", "Read a partner", "The partner without its secret.", (OPS,), "Partners", ("not_found",)
    ),
    "put_clinic": Op(
        "upsertClinic",
        "Create or update a clinic",
        "A partner's clinic: opening weekdays (ISO 1..7), whether it opens on public holidays, and per "
        "service its daily capacity and packages. The partner must exist.",
        (OPS,),
        "Clinics",
        (_V,),
        "SPEC 4.2 (capacity, opening days)",
        request_example=_CLINIC,
    ),
    "get_clinic": Op(
        "getClinic",
        "Read a clinic",
        "One clinic with its services and packages.",
        (CUSTOMER_APP, OPS),
        "Clinics",
        ("not_found",),
    ),
    "list_clinics": Op(
        "listClinics",
        "List clinics",
        "Partner clinics, optionally only those offering `service_code` and/or in `city`.",
        (CUSTOMER_APP, OPS),
        "Clinics",
        (_V,),
    ),
    "working_days": Op(
        "listWorkingDays",
        "Working days in a date range",
        "Each date from `from` to `to` (at most 367 days) with `working` and the holiday name. A year whose "
        "official schedule is not known answers `calendar_unknown` rather than guessing.",
        (CUSTOMER_APP, OPS),
        "Calendar",
        (_V, "calendar_unknown"),
        "SPEC 4.1",
    ),
    "calendar_years": Op(
        "listCalendarYears",
        "Years with a known schedule",
        "Years from the `holidays` package and years loaded by ops.",
        (CUSTOMER_APP, OPS),
        "Calendar",
        (_V,),
        "SPEC 4.1",
    ),
    "put_override": Op(
        "putCalendarOverride",
        "Override one date",
        "Declares one date a working day or a day off (with its name), overriding the base calendar.",
        (OPS,),
        "Calendar",
        (_V,),
        "SPEC 4.1",
        request_example={"working": True, "name": "国庆节调休上班"},
    ),
    "delete_override": Op(
        "deleteCalendarOverride",
        "Remove a date override",
        "Back to the base calendar for that date.",
        (OPS,),
        "Calendar",
        ("not_found", _V),
        "SPEC 4.1",
    ),
    "put_year": Op(
        "putCalendarYear",
        "Load a year's official schedule",
        "Loads the State Council's holiday schedule for a year (days off and make-up working days), "
        "replacing the package's data for that year. Published each November; no release needed.",
        (OPS,),
        "Calendar",
        (_V,),
        "SPEC 4.1",
        request_example={
            "source": "国办发明电〔2026〕7号",
            "days_off": [{"date": "2027-01-01", "name": "元旦"}],
            "working_days": [{"date": "2027-02-07", "name": "春节调休上班"}],
        },
    ),
    "get_year": Op(
        "getCalendarYear",
        "Read a loaded year",
        "The schedule ops loaded for a year.",
        (CUSTOMER_APP, OPS),
        "Calendar",
        ("not_found", _V),
        "SPEC 4.1",
    ),
    "bookings_earliest": Op(
        "getEarliestBookingDate",
        "Earliest bookable date now",
        "The first date a booking of `service_code` made now may be for (N working days ahead; with "
        "`clinic_id`, also the first opening day with a free place).",
        (CUSTOMER_APP, OPS),
        "Bookings",
        (_V, "not_found", "calendar_unknown"),
        "SPEC 4.1, 4.2 (advance notice)",
    ),
    "create_booking": Op(
        "createBooking",
        "Book an appointment",
        "Books a clinic appointment for the customer (or a designated relative as `beneficiary_id`), "
        "reserving one unit of the service's quota. The booking starts `pending` and is sent to the "
        "partner clinic; the clinic confirms or rejects it by webhook. Customers book for themselves; "
        "ops for anyone.",
        (CUSTOMER_APP, OPS),
        "Bookings",
        (
            _V,
            "not_found",
            "too_late_to_book",
            "clinic_closed",
            "calendar_unknown",
            "not_entitled",
            "quota_exhausted",
            "fully_booked",
            "conflict",
            "service_unavailable",
        ),
        "SPEC 4.2 (advance notice, capacity, entitlement)",
        request_example={
            "customer_id": "C1001",
            "service_code": "dental_cleaning",
            "clinic_id": "meinian-sh-jingan",
            "date": "2026-10-09",
            "contact_mobile": "13800138000",
        },
        response_example=_BOOKING_EXAMPLE,
        idempotency_key=True,
    ),
    "run_reminders": Op(
        "runBookingReminders",
        "Send day-before reminders",
        "Sends the SMS reminders due on `as_of` (the working day before each appointment). Idempotent.",
        (OPS,),
        "Bookings",
        (_V,),
        "SPEC 4.2 (notifications)",
        idempotency_key=True,
    ),
    "get_booking": Op(
        "getBooking",
        "Read a booking",
        "The booking with its status history.",
        (CUSTOMER_APP, OPS),
        "Bookings",
        ("not_found",),
        response_example=_BOOKING_EXAMPLE,
    ),
    "customer_bookings": Op(
        "listCustomerBookings",
        "A customer's bookings",
        "Newest first, optionally by `status`.",
        (CUSTOMER_APP, OPS),
        "Bookings",
        ("not_found", _V),
    ),
    "cancel_booking": Op(
        "cancelBooking",
        "Cancel a booking",
        "Before the deadline (12:00 on the working day before the appointment) the unit is released "
        "(`cancelled`); at or after it the use is forfeited (`cancelled_late`). A pending booking cancels free.",
        (CUSTOMER_APP, OPS),
        "Bookings",
        ("not_found", "illegal_transition", "service_unavailable"),
        "SPEC 4.2 (cancellation cutoff)",
        idempotency_key=True,
    ),
    "partner_webhook": Op(
        "receivePartnerWebhook",
        "Partner callback",
        "A partner reports `booking.confirmed`, `booking.rejected`, `booking.completed` or `booking.no_show`, "
        "signed with Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; no JWT). "
        "A repeated `webhook-id` answers 200 with no second effect. See docs/partners.md.",
        (PARTNER,),
        "Partner webhooks",
        ("invalid_signature", "not_found", "illegal_transition", _V),
        "SPEC 4.3",
        request_example={
            "type": "booking.confirmed",
            "booking_id": "B7Q2M4X9K1",
            "data": {"note": "已为您安排上午9:00"},
        },
        extra={
            "parameters": STANDARD_WEBHOOK_HEADERS,
            "requestBody": {
                "required": True,
                "description": "The raw bytes are what is signed: send exactly the bytes you signed.",
                "content": {"application/json": {"schema": INBOUND_WEBHOOK_SCHEMA}},
            },
        },
    ),
    "list_deliveries": Op(
        "listWebhookDeliveries",
        "Outbound webhook deliveries",
        "Every webhook sent to partners with its attempts, by `booking_id` or `status`.",
        (OPS,),
        "Partner webhooks",
        (_V,),
        "SPEC 4.3",
    ),
    "retry_delivery": Op(
        "retryWebhookDelivery",
        "Retry a delivery now",
        "Sends a failed or waiting delivery again at once.",
        (OPS,),
        "Partner webhooks",
        ("not_found",),
        "SPEC 4.3",
        idempotency_key=True,
    ),
    "create_opinion": Op(
        "createSecondOpinion",
        "Request a second opinion",
        "Requests a domestic second opinion; the provider contacts the customer within 1 working day and the "
        "opinion is due 10 working days after the materials are complete.",
        (CUSTOMER_APP, OPS),
        "Second opinions",
        (_V, "not_found", "not_entitled", "quota_exhausted", "conflict", "service_unavailable"),
        "SPEC 4.2 (second opinion SLA)",
        idempotency_key=True,
    ),
    "overdue_opinions": Op(
        "listOverdueSecondOpinions",
        "Overdue second opinions",
        "Requests past their due date on `as_of`.",
        (OPS,),
        "Second opinions",
        (_V,),
        "SPEC 4.2 (second opinion SLA)",
    ),
    "get_opinion": Op(
        "getSecondOpinion",
        "Read a second-opinion request",
        "With its due dates.",
        (CUSTOMER_APP, OPS),
        "Second opinions",
        ("not_found",),
    ),
    "advance_opinion": Op(
        "advanceSecondOpinion",
        "Advance a second-opinion request",
        "Steps `contacted`, `materials-complete`, `delivered` (ops) or `cancel` (owner or ops).",
        (CUSTOMER_APP, OPS),
        "Second opinions",
        ("not_found", "illegal_transition"),
        "SPEC 4.2 (second opinion SLA)",
        idempotency_key=True,
    ),
}
