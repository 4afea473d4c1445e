from typing import Literal

GetBookingResponse404Code = Literal['not_found']

GET_BOOKING_RESPONSE_404_CODE_VALUES: set[GetBookingResponse404Code] = { 'not_found',  }

def check_get_booking_response_404_code(value: str) -> GetBookingResponse404Code:
    if value in GET_BOOKING_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_BOOKING_RESPONSE_404_CODE_VALUES!r}")
