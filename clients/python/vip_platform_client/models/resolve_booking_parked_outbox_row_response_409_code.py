from typing import Literal

ResolveBookingParkedOutboxRowResponse409Code = Literal['conflict']

RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES: set[ResolveBookingParkedOutboxRowResponse409Code] = { 'conflict',  }

def check_resolve_booking_parked_outbox_row_response_409_code(value: str) -> ResolveBookingParkedOutboxRowResponse409Code:
    if value in RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_409_CODE_VALUES!r}")
