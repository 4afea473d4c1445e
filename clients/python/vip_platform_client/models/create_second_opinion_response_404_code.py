from typing import Literal

CreateSecondOpinionResponse404Code = Literal['not_found']

CREATE_SECOND_OPINION_RESPONSE_404_CODE_VALUES: set[CreateSecondOpinionResponse404Code] = { 'not_found',  }

def check_create_second_opinion_response_404_code(value: str) -> CreateSecondOpinionResponse404Code:
    if value in CREATE_SECOND_OPINION_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_SECOND_OPINION_RESPONSE_404_CODE_VALUES!r}")
