from typing import Literal

ReplayBookingDeadLetterResponse403Code = Literal['forbidden']

REPLAY_BOOKING_DEAD_LETTER_RESPONSE_403_CODE_VALUES: set[ReplayBookingDeadLetterResponse403Code] = { 'forbidden',  }

def check_replay_booking_dead_letter_response_403_code(value: str) -> ReplayBookingDeadLetterResponse403Code:
    if value in REPLAY_BOOKING_DEAD_LETTER_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_BOOKING_DEAD_LETTER_RESPONSE_403_CODE_VALUES!r}")
