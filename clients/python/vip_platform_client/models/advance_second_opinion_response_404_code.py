from typing import Literal

AdvanceSecondOpinionResponse404Code = Literal['not_found']

ADVANCE_SECOND_OPINION_RESPONSE_404_CODE_VALUES: set[AdvanceSecondOpinionResponse404Code] = { 'not_found',  }

def check_advance_second_opinion_response_404_code(value: str) -> AdvanceSecondOpinionResponse404Code:
    if value in ADVANCE_SECOND_OPINION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADVANCE_SECOND_OPINION_RESPONSE_404_CODE_VALUES!r}")
