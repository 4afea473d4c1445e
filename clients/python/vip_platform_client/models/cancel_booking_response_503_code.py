from typing import Literal

CancelBookingResponse503Code = Literal['service_unavailable']

CANCEL_BOOKING_RESPONSE_503_CODE_VALUES: set[CancelBookingResponse503Code] = { 'service_unavailable',  }

def check_cancel_booking_response_503_code(value: str) -> CancelBookingResponse503Code:
    if value in CANCEL_BOOKING_RESPONSE_503_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_BOOKING_RESPONSE_503_CODE_VALUES!r}")
