from typing import Literal

CreateSecondOpinionResponse422Code = Literal['validation_error']

CREATE_SECOND_OPINION_RESPONSE_422_CODE_VALUES: set[CreateSecondOpinionResponse422Code] = { 'validation_error',  }

def check_create_second_opinion_response_422_code(value: str) -> CreateSecondOpinionResponse422Code:
    if value in CREATE_SECOND_OPINION_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_SECOND_OPINION_RESPONSE_422_CODE_VALUES!r}")
