from typing import Literal

ListRelativesResponse404Code = Literal['not_found']

LIST_RELATIVES_RESPONSE_404_CODE_VALUES: set[ListRelativesResponse404Code] = { 'not_found',  }

def check_list_relatives_response_404_code(value: str) -> ListRelativesResponse404Code:
    if value in LIST_RELATIVES_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RELATIVES_RESPONSE_404_CODE_VALUES!r}")
