from typing import Literal

ReplayTieringDeadLetterResponse404Code = Literal['not_found']

REPLAY_TIERING_DEAD_LETTER_RESPONSE_404_CODE_VALUES: set[ReplayTieringDeadLetterResponse404Code] = { 'not_found',  }

def check_replay_tiering_dead_letter_response_404_code(value: str) -> ReplayTieringDeadLetterResponse404Code:
    if value in REPLAY_TIERING_DEAD_LETTER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_TIERING_DEAD_LETTER_RESPONSE_404_CODE_VALUES!r}")
