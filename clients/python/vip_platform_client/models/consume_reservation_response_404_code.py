from typing import Literal

ConsumeReservationResponse404Code = Literal['not_found']

CONSUME_RESERVATION_RESPONSE_404_CODE_VALUES: set[ConsumeReservationResponse404Code] = { 'not_found',  }

def check_consume_reservation_response_404_code(value: str) -> ConsumeReservationResponse404Code:
    if value in CONSUME_RESERVATION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSUME_RESERVATION_RESPONSE_404_CODE_VALUES!r}")
