from typing import Literal

ConsumeReservationResponse409Code = Literal['illegal_transition']

CONSUME_RESERVATION_RESPONSE_409_CODE_VALUES: set[ConsumeReservationResponse409Code] = { 'illegal_transition',  }

def check_consume_reservation_response_409_code(value: str) -> ConsumeReservationResponse409Code:
    if value in CONSUME_RESERVATION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSUME_RESERVATION_RESPONSE_409_CODE_VALUES!r}")
