from typing import Literal

GetRevisitPageResponse404Code = Literal['not_found']

GET_REVISIT_PAGE_RESPONSE_404_CODE_VALUES: set[GetRevisitPageResponse404Code] = { 'not_found',  }

def check_get_revisit_page_response_404_code(value: str) -> GetRevisitPageResponse404Code:
    if value in GET_REVISIT_PAGE_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REVISIT_PAGE_RESPONSE_404_CODE_VALUES!r}")
