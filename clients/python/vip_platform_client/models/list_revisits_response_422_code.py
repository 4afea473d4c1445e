from typing import Literal

ListRevisitsResponse422Code = Literal['validation_error']

LIST_REVISITS_RESPONSE_422_CODE_VALUES: set[ListRevisitsResponse422Code] = { 'validation_error',  }

def check_list_revisits_response_422_code(value: str) -> ListRevisitsResponse422Code:
    if value in LIST_REVISITS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISITS_RESPONSE_422_CODE_VALUES!r}")
