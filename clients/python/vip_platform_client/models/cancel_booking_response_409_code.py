from typing import Literal

CancelBookingResponse409Code = Literal['illegal_transition']

CANCEL_BOOKING_RESPONSE_409_CODE_VALUES: set[CancelBookingResponse409Code] = { 'illegal_transition',  }

def check_cancel_booking_response_409_code(value: str) -> CancelBookingResponse409Code:
    if value in CANCEL_BOOKING_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCEL_BOOKING_RESPONSE_409_CODE_VALUES!r}")
