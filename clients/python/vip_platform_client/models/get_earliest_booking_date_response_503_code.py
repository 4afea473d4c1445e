from typing import Literal

GetEarliestBookingDateResponse503Code = Literal['service_unavailable']

GET_EARLIEST_BOOKING_DATE_RESPONSE_503_CODE_VALUES: set[GetEarliestBookingDateResponse503Code] = { 'service_unavailable',  }

def check_get_earliest_booking_date_response_503_code(value: str) -> GetEarliestBookingDateResponse503Code:
    if value in GET_EARLIEST_BOOKING_DATE_RESPONSE_503_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_EARLIEST_BOOKING_DATE_RESPONSE_503_CODE_VALUES!r}")
