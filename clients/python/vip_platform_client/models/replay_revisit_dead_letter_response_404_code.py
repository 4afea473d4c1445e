from typing import Literal

ReplayRevisitDeadLetterResponse404Code = Literal['not_found']

REPLAY_REVISIT_DEAD_LETTER_RESPONSE_404_CODE_VALUES: set[ReplayRevisitDeadLetterResponse404Code] = { 'not_found',  }

def check_replay_revisit_dead_letter_response_404_code(value: str) -> ReplayRevisitDeadLetterResponse404Code:
    if value in REPLAY_REVISIT_DEAD_LETTER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_REVISIT_DEAD_LETTER_RESPONSE_404_CODE_VALUES!r}")
