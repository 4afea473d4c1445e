from typing import Literal

CreateBookingResponse422Code = Literal['calendar_unknown', 'clinic_closed', 'too_late_to_book', 'validation_error']

CREATE_BOOKING_RESPONSE_422_CODE_VALUES: set[CreateBookingResponse422Code] = { 'calendar_unknown', 'clinic_closed', 'too_late_to_book', 'validation_error',  }

def check_create_booking_response_422_code(value: str) -> CreateBookingResponse422Code:
    if value in CREATE_BOOKING_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BOOKING_RESPONSE_422_CODE_VALUES!r}")
