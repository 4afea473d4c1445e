from typing import Literal

CreateReservationResponse404Code = Literal['not_found']

CREATE_RESERVATION_RESPONSE_404_CODE_VALUES: set[CreateReservationResponse404Code] = { 'not_found',  }

def check_create_reservation_response_404_code(value: str) -> CreateReservationResponse404Code:
    if value in CREATE_RESERVATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_RESERVATION_RESPONSE_404_CODE_VALUES!r}")
