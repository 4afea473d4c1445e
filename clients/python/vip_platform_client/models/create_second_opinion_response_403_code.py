from typing import Literal

CreateSecondOpinionResponse403Code = Literal['not_entitled']

CREATE_SECOND_OPINION_RESPONSE_403_CODE_VALUES: set[CreateSecondOpinionResponse403Code] = { 'not_entitled',  }

def check_create_second_opinion_response_403_code(value: str) -> CreateSecondOpinionResponse403Code:
    if value in CREATE_SECOND_OPINION_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_SECOND_OPINION_RESPONSE_403_CODE_VALUES!r}")
