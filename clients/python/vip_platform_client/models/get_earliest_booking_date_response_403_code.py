from typing import Literal

GetEarliestBookingDateResponse403Code = Literal['not_entitled']

GET_EARLIEST_BOOKING_DATE_RESPONSE_403_CODE_VALUES: set[GetEarliestBookingDateResponse403Code] = { 'not_entitled',  }

def check_get_earliest_booking_date_response_403_code(value: str) -> GetEarliestBookingDateResponse403Code:
    if value in GET_EARLIEST_BOOKING_DATE_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_EARLIEST_BOOKING_DATE_RESPONSE_403_CODE_VALUES!r}")
