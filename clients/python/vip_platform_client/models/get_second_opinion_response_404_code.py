from typing import Literal

GetSecondOpinionResponse404Code = Literal['not_found']

GET_SECOND_OPINION_RESPONSE_404_CODE_VALUES: set[GetSecondOpinionResponse404Code] = { 'not_found',  }

def check_get_second_opinion_response_404_code(value: str) -> GetSecondOpinionResponse404Code:
    if value in GET_SECOND_OPINION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SECOND_OPINION_RESPONSE_404_CODE_VALUES!r}")
