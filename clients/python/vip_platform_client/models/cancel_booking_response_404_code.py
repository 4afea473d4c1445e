from typing import Literal

CancelBookingResponse404Code = Literal['not_found']

CANCEL_BOOKING_RESPONSE_404_CODE_VALUES: set[CancelBookingResponse404Code] = { 'not_found',  }

def check_cancel_booking_response_404_code(value: str) -> CancelBookingResponse404Code:
    if value in CANCEL_BOOKING_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_BOOKING_RESPONSE_404_CODE_VALUES!r}")
