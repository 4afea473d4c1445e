from typing import Literal

ResolveBookingParkedOutboxRowResponse422Code = Literal['validation_error']

RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES: set[ResolveBookingParkedOutboxRowResponse422Code] = { 'validation_error',  }

def check_resolve_booking_parked_outbox_row_response_422_code(value: str) -> ResolveBookingParkedOutboxRowResponse422Code:
    if value in RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_422_CODE_VALUES!r}")
