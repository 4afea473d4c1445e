from typing import Literal

AdvanceSecondOpinionResponse422Code = Literal['validation_error']

ADVANCE_SECOND_OPINION_RESPONSE_422_CODE_VALUES: set[AdvanceSecondOpinionResponse422Code] = { 'validation_error',  }

def check_advance_second_opinion_response_422_code(value: str) -> AdvanceSecondOpinionResponse422Code:
    if value in ADVANCE_SECOND_OPINION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADVANCE_SECOND_OPINION_RESPONSE_422_CODE_VALUES!r}")
