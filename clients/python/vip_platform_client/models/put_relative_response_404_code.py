from typing import Literal

PutRelativeResponse404Code = Literal['not_found']

PUT_RELATIVE_RESPONSE_404_CODE_VALUES: set[PutRelativeResponse404Code] = { 'not_found',  }

def check_put_relative_response_404_code(value: str) -> PutRelativeResponse404Code:
    if value in PUT_RELATIVE_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_RELATIVE_RESPONSE_404_CODE_VALUES!r}")
