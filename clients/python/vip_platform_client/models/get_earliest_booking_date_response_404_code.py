from typing import Literal

GetEarliestBookingDateResponse404Code = Literal['not_found']

GET_EARLIEST_BOOKING_DATE_RESPONSE_404_CODE_VALUES: set[GetEarliestBookingDateResponse404Code] = { 'not_found',  }

def check_get_earliest_booking_date_response_404_code(value: str) -> GetEarliestBookingDateResponse404Code:
    if value in GET_EARLIEST_BOOKING_DATE_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_EARLIEST_BOOKING_DATE_RESPONSE_404_CODE_VALUES!r}")
