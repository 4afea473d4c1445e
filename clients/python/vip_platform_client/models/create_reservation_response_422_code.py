from typing import Literal

CreateReservationResponse422Code = Literal['validation_error']

CREATE_RESERVATION_RESPONSE_422_CODE_VALUES: set[CreateReservationResponse422Code] = { 'validation_error',  }

def check_create_reservation_response_422_code(value: str) -> CreateReservationResponse422Code:
    if value in CREATE_RESERVATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_RESERVATION_RESPONSE_422_CODE_VALUES!r}")
