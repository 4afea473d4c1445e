from typing import Literal

ReplayTieringDeadLetterResponse403Code = Literal['forbidden']

REPLAY_TIERING_DEAD_LETTER_RESPONSE_403_CODE_VALUES: set[ReplayTieringDeadLetterResponse403Code] = { 'forbidden',  }

def check_replay_tiering_dead_letter_response_403_code(value: str) -> ReplayTieringDeadLetterResponse403Code:
    if value in REPLAY_TIERING_DEAD_LETTER_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_TIERING_DEAD_LETTER_RESPONSE_403_CODE_VALUES!r}")
