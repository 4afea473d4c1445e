from typing import Literal

ReplayEntitlementsDeadLetterResponse422Code = Literal['validation_error']

REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_422_CODE_VALUES: set[ReplayEntitlementsDeadLetterResponse422Code] = { 'validation_error',  }

def check_replay_entitlements_dead_letter_response_422_code(value: str) -> ReplayEntitlementsDeadLetterResponse422Code:
    if value in REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_422_CODE_VALUES!r}")
