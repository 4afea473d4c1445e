from typing import Literal

ReplayRevisitDeadLetterResponse401Code = Literal['unauthorized']

REPLAY_REVISIT_DEAD_LETTER_RESPONSE_401_CODE_VALUES: set[ReplayRevisitDeadLetterResponse401Code] = { 'unauthorized',  }

def check_replay_revisit_dead_letter_response_401_code(value: str) -> ReplayRevisitDeadLetterResponse401Code:
    if value in REPLAY_REVISIT_DEAD_LETTER_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_REVISIT_DEAD_LETTER_RESPONSE_401_CODE_VALUES!r}")
