from typing import Literal

GetRevisitPageResponse410Code = Literal['link_expired']

GET_REVISIT_PAGE_RESPONSE_410_CODE_VALUES: set[GetRevisitPageResponse410Code] = { 'link_expired',  }

def check_get_revisit_page_response_410_code(value: str) -> GetRevisitPageResponse410Code:
    if value in GET_REVISIT_PAGE_RESPONSE_410_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_REVISIT_PAGE_RESPONSE_410_CODE_VALUES!r}")
