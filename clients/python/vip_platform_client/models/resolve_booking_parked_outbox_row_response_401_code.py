from typing import Literal

ResolveBookingParkedOutboxRowResponse401Code = Literal['unauthorized']

RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES: set[ResolveBookingParkedOutboxRowResponse401Code] = { 'unauthorized',  }

def check_resolve_booking_parked_outbox_row_response_401_code(value: str) -> ResolveBookingParkedOutboxRowResponse401Code:
    if value in RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_401_CODE_VALUES!r}")
