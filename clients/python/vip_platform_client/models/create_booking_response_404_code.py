from typing import Literal

CreateBookingResponse404Code = Literal['not_found']

CREATE_BOOKING_RESPONSE_404_CODE_VALUES: set[CreateBookingResponse404Code] = { 'not_found',  }

def check_create_booking_response_404_code(value: str) -> CreateBookingResponse404Code:
    if value in CREATE_BOOKING_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BOOKING_RESPONSE_404_CODE_VALUES!r}")
