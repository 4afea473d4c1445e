from typing import Literal

ReplayEntitlementsDeadLetterResponse401Code = Literal['unauthorized']

REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_401_CODE_VALUES: set[ReplayEntitlementsDeadLetterResponse401Code] = { 'unauthorized',  }

def check_replay_entitlements_dead_letter_response_401_code(value: str) -> ReplayEntitlementsDeadLetterResponse401Code:
    if value in REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_401_CODE_VALUES!r}")
