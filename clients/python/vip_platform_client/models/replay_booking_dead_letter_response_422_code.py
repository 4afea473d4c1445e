from typing import Literal

ReplayBookingDeadLetterResponse422Code = Literal['validation_error']

REPLAY_BOOKING_DEAD_LETTER_RESPONSE_422_CODE_VALUES: set[ReplayBookingDeadLetterResponse422Code] = { 'validation_error',  }

def check_replay_booking_dead_letter_response_422_code(value: str) -> ReplayBookingDeadLetterResponse422Code:
    if value in REPLAY_BOOKING_DEAD_LETTER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_BOOKING_DEAD_LETTER_RESPONSE_422_CODE_VALUES!r}")
