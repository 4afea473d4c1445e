from typing import Literal

AdvanceSecondOpinionResponse409Code = Literal['illegal_transition']

ADVANCE_SECOND_OPINION_RESPONSE_409_CODE_VALUES: set[AdvanceSecondOpinionResponse409Code] = { 'illegal_transition',  }

def check_advance_second_opinion_response_409_code(value: str) -> AdvanceSecondOpinionResponse409Code:
    if value in ADVANCE_SECOND_OPINION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADVANCE_SECOND_OPINION_RESPONSE_409_CODE_VALUES!r}")
