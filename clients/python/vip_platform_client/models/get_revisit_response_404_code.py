from typing import Literal

GetRevisitResponse404Code = Literal['not_found']

GET_REVISIT_RESPONSE_404_CODE_VALUES: set[GetRevisitResponse404Code] = { 'not_found',  }

def check_get_revisit_response_404_code(value: str) -> GetRevisitResponse404Code:
    if value in GET_REVISIT_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REVISIT_RESPONSE_404_CODE_VALUES!r}")
