from typing import Literal

ReplayEntitlementsDeadLetterResponse403Code = Literal['forbidden']

REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_403_CODE_VALUES: set[ReplayEntitlementsDeadLetterResponse403Code] = { 'forbidden',  }

def check_replay_entitlements_dead_letter_response_403_code(value: str) -> ReplayEntitlementsDeadLetterResponse403Code:
    if value in REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_403_CODE_VALUES!r}")
