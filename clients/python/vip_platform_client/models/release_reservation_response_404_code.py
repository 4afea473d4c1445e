from typing import Literal

ReleaseReservationResponse404Code = Literal['not_found']

RELEASE_RESERVATION_RESPONSE_404_CODE_VALUES: set[ReleaseReservationResponse404Code] = { 'not_found',  }

def check_release_reservation_response_404_code(value: str) -> ReleaseReservationResponse404Code:
    if value in RELEASE_RESERVATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELEASE_RESERVATION_RESPONSE_404_CODE_VALUES!r}")
