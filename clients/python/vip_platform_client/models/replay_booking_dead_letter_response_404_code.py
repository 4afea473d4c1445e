from typing import Literal

ReplayBookingDeadLetterResponse404Code = Literal['not_found']

REPLAY_BOOKING_DEAD_LETTER_RESPONSE_404_CODE_VALUES: set[ReplayBookingDeadLetterResponse404Code] = { 'not_found',  }

def check_replay_booking_dead_letter_response_404_code(value: str) -> ReplayBookingDeadLetterResponse404Code:
    if value in REPLAY_BOOKING_DEAD_LETTER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_BOOKING_DEAD_LETTER_RESPONSE_404_CODE_VALUES!r}")
