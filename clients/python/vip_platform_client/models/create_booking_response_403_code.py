from typing import Literal

CreateBookingResponse403Code = Literal['not_entitled']

CREATE_BOOKING_RESPONSE_403_CODE_VALUES: set[CreateBookingResponse403Code] = { 'not_entitled',  }

def check_create_booking_response_403_code(value: str) -> CreateBookingResponse403Code:
    if value in CREATE_BOOKING_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BOOKING_RESPONSE_403_CODE_VALUES!r}")
