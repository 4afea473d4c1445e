from typing import Literal

ReplayTieringDeadLetterResponse409Code = Literal['conflict']

REPLAY_TIERING_DEAD_LETTER_RESPONSE_409_CODE_VALUES: set[ReplayTieringDeadLetterResponse409Code] = { 'conflict',  }

def check_replay_tiering_dead_letter_response_409_code(value: str) -> ReplayTieringDeadLetterResponse409Code:
    if value in REPLAY_TIERING_DEAD_LETTER_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_TIERING_DEAD_LETTER_RESPONSE_409_CODE_VALUES!r}")
