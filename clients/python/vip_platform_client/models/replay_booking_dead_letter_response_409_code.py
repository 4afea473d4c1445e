from typing import Literal

ReplayBookingDeadLetterResponse409Code = Literal['conflict']

REPLAY_BOOKING_DEAD_LETTER_RESPONSE_409_CODE_VALUES: set[ReplayBookingDeadLetterResponse409Code] = { 'conflict',  }

def check_replay_booking_dead_letter_response_409_code(value: str) -> ReplayBookingDeadLetterResponse409Code:
    if value in REPLAY_BOOKING_DEAD_LETTER_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_BOOKING_DEAD_LETTER_RESPONSE_409_CODE_VALUES!r}")
