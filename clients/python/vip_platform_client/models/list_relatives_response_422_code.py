from typing import Literal

ListRelativesResponse422Code = Literal['validation_error']

LIST_RELATIVES_RESPONSE_422_CODE_VALUES: set[ListRelativesResponse422Code] = { 'validation_error',  }

def check_list_relatives_response_422_code(value: str) -> ListRelativesResponse422Code:
    if value in LIST_RELATIVES_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RELATIVES_RESPONSE_422_CODE_VALUES!r}")
