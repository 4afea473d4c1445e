from typing import Literal

GetReservationResponse404Code = Literal['not_found']

GET_RESERVATION_RESPONSE_404_CODE_VALUES: set[GetReservationResponse404Code] = { 'not_found',  }

def check_get_reservation_response_404_code(value: str) -> GetReservationResponse404Code:
    if value in GET_RESERVATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_RESERVATION_RESPONSE_404_CODE_VALUES!r}")
