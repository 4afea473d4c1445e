from typing import Literal

CreateBookingResponse503Code = Literal['service_unavailable']

CREATE_BOOKING_RESPONSE_503_CODE_VALUES: set[CreateBookingResponse503Code] = { 'service_unavailable',  }

def check_create_booking_response_503_code(value: str) -> CreateBookingResponse503Code:
    if value in CREATE_BOOKING_RESPONSE_503_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BOOKING_RESPONSE_503_CODE_VALUES!r}")
