from typing import Literal

ReplayEntitlementsDeadLetterResponse409Code = Literal['conflict']

REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_409_CODE_VALUES: set[ReplayEntitlementsDeadLetterResponse409Code] = { 'conflict',  }

def check_replay_entitlements_dead_letter_response_409_code(value: str) -> ReplayEntitlementsDeadLetterResponse409Code:
    if value in REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPLAY_ENTITLEMENTS_DEAD_LETTER_RESPONSE_409_CODE_VALUES!r}")
