from typing import Literal

ConsumeReservationResponse422Code = Literal['validation_error']

CONSUME_RESERVATION_RESPONSE_422_CODE_VALUES: set[ConsumeReservationResponse422Code] = { 'validation_error',  }

def check_consume_reservation_response_422_code(value: str) -> ConsumeReservationResponse422Code:
    if value in CONSUME_RESERVATION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSUME_RESERVATION_RESPONSE_422_CODE_VALUES!r}")
