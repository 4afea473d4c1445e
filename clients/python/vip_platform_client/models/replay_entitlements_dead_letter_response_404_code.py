from typing import Literal

ReplayEntitlementsDeadLetterResponse404Code = Literal['not_found']

REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_404_CODE_VALUES: set[ReplayEntitlementsDeadLetterResponse404Code] = { 'not_found',  }

def check_replay_entitlements_dead_letter_response_404_code(value: str) -> ReplayEntitlementsDeadLetterResponse404Code:
    if value in REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_404_CODE_VALUES!r}")
