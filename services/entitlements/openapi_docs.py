"""OpenAPI documentation of the entitlements service's operations (applied by ``vipkit.app``)."""

from __future__ import annotations

from vipkit.openapi_docs import CUSTOMER_APP, OPS, SERVICES, Op

_V = "validation_error"

DOCS: dict[str, Op] = {
    "get_catalog_document": Op(
        "getCatalog",
        "The benefit catalog",
        "The active program's services per tier with quotas, periods and booking parameters.",
        (CUSTOMER_APP, OPS, SERVICES),
        "Entitlements",
        (),
        "SPEC 3",
    ),
    "create_reservation": Op(
        "createReservation",
        "Reserve one unit",
        "Booking reserves one unit of a service for a customer or a designated relative. `Idempotency-Key` "
        "is required here: the same key answers the same reservation (200).",
        (SERVICES, OPS),
        "Reservations",
        (_V, "not_found", "not_entitled", "quota_exhausted", "conflict"),
        "SPEC 3.1, 4.2 (entitlement)",
        idempotency_key=True,
        own_idempotency=True,
    ),
    "list_reservations": Op(
        "listReservations",
        "Reservations of a booking",
        "By `reference` (the booking id).",
        (SERVICES, OPS),
        "Reservations",
        (_V,),
        "SPEC 3.1",
    ),
    "get_reservation": Op(
        "getReservation", "Read a reservation", "One reservation.", (SERVICES, OPS), "Reservations", ("not_found",)
    ),
    "consume_reservation": Op(
        "consumeReservation",
        "Consume a reserved unit",
        "Completed, no-show or late cancellation: the unit is used. Idempotent.",
        (SERVICES, OPS),
        "Reservations",
        ("not_found", "illegal_transition"),
        "SPEC 3.1, 4.2",
        idempotency_key=True,
    ),
    "release_reservation": Op(
        "releaseReservation",
        "Release a reserved unit",
        "Cancelled in time, rejected or failed booking: the unit comes back. Idempotent.",
        (SERVICES, OPS),
        "Reservations",
        ("not_found", "illegal_transition"),
        "SPEC 3.1, 4.2",
        idempotency_key=True,
    ),
    "get_entitlements": Op(
        "getCustomerEntitlements",
        "A customer's entitlements",
        "Per service: quota, used, reserved, remaining in the current period (`quota`/`remaining` null = "
        "unlimited), the period and who may use it.",
        (CUSTOMER_APP, OPS),
        "Entitlements",
        ("not_found",),
        "SPEC 3, 3.1, 7",
    ),
    "get_ledger": Op(
        "getEntitlementLedger",
        "A service's ledger",
        "Every change of a customer's numbers for one service, with its reason, oldest first; cursor-paged like "
        "every list: `limit` (1..200, default 50) and the `next_cursor` of the previous page as `cursor` "
        "(null on the last page). A customer token reads its own ledger only.",
        (CUSTOMER_APP, OPS),
        "Entitlements",
        ("not_found", _V),
        "SPEC 3.1",
        response_example={
            "customer_id": "C1001",
            "service_code": "dental_cleaning",
            "items": [
                {
                    "id": 101,
                    "at": "2026-01-10T10:00:00+08:00",
                    "action": "granted",
                    "units": 0,
                    "reservation_id": None,
                    "period_start": "2026-01-01",
                    "period_end": "2026-12-31",
                    "quota": 1,
                    "used": 0,
                    "reserved": 0,
                    "remaining": 1,
                    "reason": "initial: 1 for 2026-01-01..2026-12-31 at tier gold",
                },
                {
                    "id": 117,
                    "at": "2026-09-28T10:00:00+08:00",
                    "action": "reserved",
                    "units": 1,
                    "reservation_id": "R20260928000017",
                    "period_start": "2026-01-01",
                    "period_end": "2026-12-31",
                    "quota": 1,
                    "used": 0,
                    "reserved": 1,
                    "remaining": 0,
                    "reason": "reserved for holder (booking B20260928000001)",
                },
            ],
            "next_cursor": None,
        },
    ),
    "put_relative": Op(
        "putRelative",
        "Designate a relative",
        "Designates a relative who may use the customer's services (relations, count and age per program; "
        "fixed once designated where the handbook says so). The ID number is answered masked.",
        (CUSTOMER_APP, OPS),
        "Relatives",
        (_V, "not_found", "conflict", "precondition_failed", "precondition_required"),
        "SPEC 3, 7",
        request_example={
            "name": "丁美玲",
            "relation": "spouse",
            "id_no": "110101199203041223",
            "birth_date": "1992-03-04",
        },
        if_match=True,
        etag=True,
    ),
    "get_relatives": Op(
        "listRelatives",
        "Designated relatives",
        "The customer's designated relatives, masked.",
        (CUSTOMER_APP, OPS),
        "Relatives",
        ("not_found",),
        "SPEC 3",
        etag=True,
    ),
    "run_reconciliation": Op(
        "runEntitlementReconciliation",
        "Reconcile grants with tiers",
        "Compares every customer's grants with tiering's current tiers and repairs drift.",
        (OPS,),
        "Entitlements",
        (_V, "service_unavailable"),
        "SPEC 3",
        idempotency_key=True,
    ),
}
