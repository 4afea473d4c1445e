from typing import Literal

GetEarliestBookingDateResponse422Code = Literal['calendar_unknown', 'validation_error']

GET_EARLIEST_BOOKING_DATE_RESPONSE_422_CODE_VALUES: set[GetEarliestBookingDateResponse422Code] = { 'calendar_unknown', 'validation_error',  }

def check_get_earliest_booking_date_response_422_code(value: str) -> GetEarliestBookingDateResponse422Code:
    if value in GET_EARLIEST_BOOKING_DATE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_EARLIEST_BOOKING_DATE_RESPONSE_422_CODE_VALUES!r}")
