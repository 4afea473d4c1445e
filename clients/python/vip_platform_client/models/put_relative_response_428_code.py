from typing import Literal

PutRelativeResponse428Code = Literal['precondition_required']

PUT_RELATIVE_RESPONSE_428_CODE_VALUES: set[PutRelativeResponse428Code] = { 'precondition_required',  }

def check_put_relative_response_428_code(value: str) -> PutRelativeResponse428Code:
    if value in PUT_RELATIVE_RESPONSE_428_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_RELATIVE_RESPONSE_428_CODE_VALUES!r}")
