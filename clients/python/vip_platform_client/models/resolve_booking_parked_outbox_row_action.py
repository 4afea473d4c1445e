from typing import Literal

ResolveBookingParkedOutboxRowAction = Literal['discard', 'retry']

RESOLVE_BOOKING_PARKED_OUTBOX_ROW_ACTION_VALUES: set[ResolveBookingParkedOutboxRowAction] = { 'discard', 'retry',  }

def check_resolve_booking_parked_outbox_row_action(value: str) -> ResolveBookingParkedOutboxRowAction:
    if value in RESOLVE_BOOKING_PARKED_OUTBOX_ROW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_BOOKING_PARKED_OUTBOX_ROW_ACTION_VALUES!r}")
