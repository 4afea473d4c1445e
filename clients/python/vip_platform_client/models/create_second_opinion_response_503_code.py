from typing import Literal

CreateSecondOpinionResponse503Code = Literal['service_unavailable']

CREATE_SECOND_OPINION_RESPONSE_503_CODE_VALUES: set[CreateSecondOpinionResponse503Code] = { 'service_unavailable',  }

def check_create_second_opinion_response_503_code(value: str) -> CreateSecondOpinionResponse503Code:
    if value in CREATE_SECOND_OPINION_RESPONSE_503_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_SECOND_OPINION_RESPONSE_503_CODE_VALUES!r}")
