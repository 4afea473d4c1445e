from typing import Literal

ReplayRevisitDeadLetterResponse409Code = Literal['conflict']

REPLAY_REVISIT_DEAD_LETTER_RESPONSE_409_CODE_VALUES: set[ReplayRevisitDeadLetterResponse409Code] = { 'conflict',  }

def check_replay_revisit_dead_letter_response_409_code(value: str) -> ReplayRevisitDeadLetterResponse409Code:
    if value in REPLAY_REVISIT_DEAD_LETTER_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_REVISIT_DEAD_LETTER_RESPONSE_409_CODE_VALUES!r}")
