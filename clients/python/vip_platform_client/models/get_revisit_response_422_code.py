from typing import Literal

GetRevisitResponse422Code = Literal['validation_error']

GET_REVISIT_RESPONSE_422_CODE_VALUES: set[GetRevisitResponse422Code] = { 'validation_error',  }

def check_get_revisit_response_422_code(value: str) -> GetRevisitResponse422Code:
    if value in GET_REVISIT_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REVISIT_RESPONSE_422_CODE_VALUES!r}")
