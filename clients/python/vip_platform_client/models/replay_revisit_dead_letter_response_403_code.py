from typing import Literal

ReplayRevisitDeadLetterResponse403Code = Literal['forbidden']

REPLAY_REVISIT_DEAD_LETTER_RESPONSE_403_CODE_VALUES: set[ReplayRevisitDeadLetterResponse403Code] = { 'forbidden',  }

def check_replay_revisit_dead_letter_response_403_code(value: str) -> ReplayRevisitDeadLetterResponse403Code:
    if value in REPLAY_REVISIT_DEAD_LETTER_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_REVISIT_DEAD_LETTER_RESPONSE_403_CODE_VALUES!r}")
