from typing import Literal

ReplayNotifierDeadLetterResponse409Code = Literal['conflict']

REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_409_CODE_VALUES: set[ReplayNotifierDeadLetterResponse409Code] = { 'conflict',  }

def check_replay_notifier_dead_letter_response_409_code(value: str) -> ReplayNotifierDeadLetterResponse409Code:
    if value in REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_409_CODE_VALUES!r}")
