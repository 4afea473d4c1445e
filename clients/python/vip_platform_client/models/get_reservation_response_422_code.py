from typing import Literal

GetReservationResponse422Code = Literal['validation_error']

GET_RESERVATION_RESPONSE_422_CODE_VALUES: set[GetReservationResponse422Code] = { 'validation_error',  }

def check_get_reservation_response_422_code(value: str) -> GetReservationResponse422Code:
    if value in GET_RESERVATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_RESERVATION_RESPONSE_422_CODE_VALUES!r}")
