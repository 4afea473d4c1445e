from typing import Literal

ReplayTieringDeadLetterResponse422Code = Literal['validation_error']

REPLAY_TIERING_DEAD_LETTER_RESPONSE_422_CODE_VALUES: set[ReplayTieringDeadLetterResponse422Code] = { 'validation_error',  }

def check_replay_tiering_dead_letter_response_422_code(value: str) -> ReplayTieringDeadLetterResponse422Code:
    if value in REPLAY_TIERING_DEAD_LETTER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_TIERING_DEAD_LETTER_RESPONSE_422_CODE_VALUES!r}")
