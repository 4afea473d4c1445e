from typing import Literal

GetBookingResponse422Code = Literal['validation_error']

GET_BOOKING_RESPONSE_422_CODE_VALUES: set[GetBookingResponse422Code] = { 'validation_error',  }

def check_get_booking_response_422_code(value: str) -> GetBookingResponse422Code:
    if value in GET_BOOKING_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_BOOKING_RESPONSE_422_CODE_VALUES!r}")
