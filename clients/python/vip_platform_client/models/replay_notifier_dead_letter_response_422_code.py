from typing import Literal

ReplayNotifierDeadLetterResponse422Code = Literal['validation_error']

REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_422_CODE_VALUES: set[ReplayNotifierDeadLetterResponse422Code] = { 'validation_error',  }

def check_replay_notifier_dead_letter_response_422_code(value: str) -> ReplayNotifierDeadLetterResponse422Code:
    if value in REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_422_CODE_VALUES!r}")
