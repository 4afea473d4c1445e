from typing import Literal

PutRelativeResponse412Code = Literal['precondition_failed']

PUT_RELATIVE_RESPONSE_412_CODE_VALUES: set[PutRelativeResponse412Code] = { 'precondition_failed',  }

def check_put_relative_response_412_code(value: str) -> PutRelativeResponse412Code:
    if value in PUT_RELATIVE_RESPONSE_412_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_RELATIVE_RESPONSE_412_CODE_VALUES!r}")
