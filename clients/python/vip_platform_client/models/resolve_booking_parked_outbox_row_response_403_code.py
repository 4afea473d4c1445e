from typing import Literal

ResolveBookingParkedOutboxRowResponse403Code = Literal['forbidden']

RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES: set[ResolveBookingParkedOutboxRowResponse403Code] = { 'forbidden',  }

def check_resolve_booking_parked_outbox_row_response_403_code(value: str) -> ResolveBookingParkedOutboxRowResponse403Code:
    if value in RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOLVE_BOOKING_PARKED_OUTBOX_ROW_RESPONSE_403_CODE_VALUES!r}")
