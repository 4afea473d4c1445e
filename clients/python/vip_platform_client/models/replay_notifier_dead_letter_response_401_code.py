from typing import Literal

ReplayNotifierDeadLetterResponse401Code = Literal['unauthorized']

REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_401_CODE_VALUES: set[ReplayNotifierDeadLetterResponse401Code] = { 'unauthorized',  }

def check_replay_notifier_dead_letter_response_401_code(value: str) -> ReplayNotifierDeadLetterResponse401Code:
    if value in REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_401_CODE_VALUES!r}")
