from typing import Literal

ReplayNotifierDeadLetterResponse404Code = Literal['not_found']

REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_404_CODE_VALUES: set[ReplayNotifierDeadLetterResponse404Code] = { 'not_found',  }

def check_replay_notifier_dead_letter_response_404_code(value: str) -> ReplayNotifierDeadLetterResponse404Code:
    if value in REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_404_CODE_VALUES!r}")
