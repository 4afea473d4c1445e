from typing import Literal

CreateReservationResponse403Code = Literal['not_entitled']

CREATE_RESERVATION_RESPONSE_403_CODE_VALUES: set[CreateReservationResponse403Code] = { 'not_entitled',  }

def check_create_reservation_response_403_code(value: str) -> CreateReservationResponse403Code:
    if value in CREATE_RESERVATION_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_RESERVATION_RESPONSE_403_CODE_VALUES!r}")
