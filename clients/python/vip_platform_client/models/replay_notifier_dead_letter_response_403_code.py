from typing import Literal

ReplayNotifierDeadLetterResponse403Code = Literal['forbidden']

REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_403_CODE_VALUES: set[ReplayNotifierDeadLetterResponse403Code] = { 'forbidden',  }

def check_replay_notifier_dead_letter_response_403_code(value: str) -> ReplayNotifierDeadLetterResponse403Code:
    if value in REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_NOTIFIER_DEAD_LETTER_RESPONSE_403_CODE_VALUES!r}")
