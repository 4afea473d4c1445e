from typing import Literal

ReleaseReservationResponse422Code = Literal['validation_error']

RELEASE_RESERVATION_RESPONSE_422_CODE_VALUES: set[ReleaseReservationResponse422Code] = { 'validation_error',  }

def check_release_reservation_response_422_code(value: str) -> ReleaseReservationResponse422Code:
    if value in RELEASE_RESERVATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELEASE_RESERVATION_RESPONSE_422_CODE_VALUES!r}")
