from typing import Literal

ReplayBookingDeadLetterResponse401Code = Literal['unauthorized']

REPLAY_BOOKING_DEAD_LETTER_RESPONSE_401_CODE_VALUES: set[ReplayBookingDeadLetterResponse401Code] = { 'unauthorized',  }

def check_replay_booking_dead_letter_response_401_code(value: str) -> ReplayBookingDeadLetterResponse401Code:
    if value in REPLAY_BOOKING_DEAD_LETTER_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_BOOKING_DEAD_LETTER_RESPONSE_401_CODE_VALUES!r}")
