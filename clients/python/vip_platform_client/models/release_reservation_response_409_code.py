from typing import Literal

ReleaseReservationResponse409Code = Literal['illegal_transition']

RELEASE_RESERVATION_RESPONSE_409_CODE_VALUES: set[ReleaseReservationResponse409Code] = { 'illegal_transition',  }

def check_release_reservation_response_409_code(value: str) -> ReleaseReservationResponse409Code:
    if value in RELEASE_RESERVATION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELEASE_RESERVATION_RESPONSE_409_CODE_VALUES!r}")
