from typing import Literal

ReplayRevisitDeadLetterResponse422Code = Literal['validation_error']

REPLAY_REVISIT_DEAD_LETTER_RESPONSE_422_CODE_VALUES: set[ReplayRevisitDeadLetterResponse422Code] = { 'validation_error',  }

def check_replay_revisit_dead_letter_response_422_code(value: str) -> ReplayRevisitDeadLetterResponse422Code:
    if value in REPLAY_REVISIT_DEAD_LETTER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_REVISIT_DEAD_LETTER_RESPONSE_422_CODE_VALUES!r}")
