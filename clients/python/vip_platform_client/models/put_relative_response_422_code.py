from typing import Literal

PutRelativeResponse422Code = Literal['validation_error']

PUT_RELATIVE_RESPONSE_422_CODE_VALUES: set[PutRelativeResponse422Code] = { 'validation_error',  }

def check_put_relative_response_422_code(value: str) -> PutRelativeResponse422Code:
    if value in PUT_RELATIVE_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_RELATIVE_RESPONSE_422_CODE_VALUES!r}")
