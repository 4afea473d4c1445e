from typing import Literal

CreateSecondOpinionResponse409Code = Literal['conflict', 'quota_exhausted']

CREATE_SECOND_OPINION_RESPONSE_409_CODE_VALUES: set[CreateSecondOpinionResponse409Code] = { 'conflict', 'quota_exhausted',  }

def check_create_second_opinion_response_409_code(value: str) -> CreateSecondOpinionResponse409Code:
    if value in CREATE_SECOND_OPINION_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_SECOND_OPINION_RESPONSE_409_CODE_VALUES!r}")
