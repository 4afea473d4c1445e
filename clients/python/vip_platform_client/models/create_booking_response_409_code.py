from typing import Literal

CreateBookingResponse409Code = Literal['conflict', 'fully_booked', 'quota_exhausted']

CREATE_BOOKING_RESPONSE_409_CODE_VALUES: set[CreateBookingResponse409Code] = { 'conflict', 'fully_booked', 'quota_exhausted',  }

def check_create_booking_response_409_code(value: str) -> CreateBookingResponse409Code:
    if value in CREATE_BOOKING_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BOOKING_RESPONSE_409_CODE_VALUES!r}")
