from typing import Literal

ReplayTieringDeadLetterResponse401Code = Literal['unauthorized']

REPLAY_TIERING_DEAD_LETTER_RESPONSE_401_CODE_VALUES: set[ReplayTieringDeadLetterResponse401Code] = { 'unauthorized',  }

def check_replay_tiering_dead_letter_response_401_code(value: str) -> ReplayTieringDeadLetterResponse401Code:
    if value in REPLAY_TIERING_DEAD_LETTER_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_TIERING_DEAD_LETTER_RESPONSE_401_CODE_VALUES!r}")
