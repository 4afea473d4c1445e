from typing import Literal

ListTiersResponse422Code = Literal['validation_error']

LIST_TIERS_RESPONSE_422_CODE_VALUES: set[ListTiersResponse422Code] = { 'validation_error',  }

def check_list_tiers_response_422_code(value: str) -> ListTiersResponse422Code:
    if value in LIST_TIERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERS_RESPONSE_422_CODE_VALUES!r}")
