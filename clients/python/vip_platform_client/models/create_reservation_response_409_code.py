from typing import Literal

CreateReservationResponse409Code = Literal['conflict', 'quota_exhausted']

CREATE_RESERVATION_RESPONSE_409_CODE_VALUES: set[CreateReservationResponse409Code] = { 'conflict', 'quota_exhausted',  }

def check_create_reservation_response_409_code(value: str) -> CreateReservationResponse409Code:
    if value in CREATE_RESERVATION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_RESERVATION_RESPONSE_409_CODE_VALUES!r}")
