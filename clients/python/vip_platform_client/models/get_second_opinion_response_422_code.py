from typing import Literal

GetSecondOpinionResponse422Code = Literal['validation_error']

GET_SECOND_OPINION_RESPONSE_422_CODE_VALUES: set[GetSecondOpinionResponse422Code] = { 'validation_error',  }

def check_get_second_opinion_response_422_code(value: str) -> GetSecondOpinionResponse422Code:
    if value in GET_SECOND_OPINION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SECOND_OPINION_RESPONSE_422_CODE_VALUES!r}")
