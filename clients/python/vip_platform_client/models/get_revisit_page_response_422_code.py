from typing import Literal

GetRevisitPageResponse422Code = Literal['validation_error']

GET_REVISIT_PAGE_RESPONSE_422_CODE_VALUES: set[GetRevisitPageResponse422Code] = { 'validation_error',  }

def check_get_revisit_page_response_422_code(value: str) -> GetRevisitPageResponse422Code:
    if value in GET_REVISIT_PAGE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REVISIT_PAGE_RESPONSE_422_CODE_VALUES!r}")
