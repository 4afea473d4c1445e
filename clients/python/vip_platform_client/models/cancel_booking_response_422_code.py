from typing import Literal

CancelBookingResponse422Code = Literal['validation_error']

CANCEL_BOOKING_RESPONSE_422_CODE_VALUES: set[CancelBookingResponse422Code] = { 'validation_error',  }

def check_cancel_booking_response_422_code(value: str) -> CancelBookingResponse422Code:
    if value in CANCEL_BOOKING_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_BOOKING_RESPONSE_422_CODE_VALUES!r}")
