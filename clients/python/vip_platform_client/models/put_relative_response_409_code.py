from typing import Literal

PutRelativeResponse409Code = Literal['conflict']

PUT_RELATIVE_RESPONSE_409_CODE_VALUES: set[PutRelativeResponse409Code] = { 'conflict',  }

def check_put_relative_response_409_code(value: str) -> PutRelativeResponse409Code:
    if value in PUT_RELATIVE_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUT_RELATIVE_RESPONSE_409_CODE_VALUES!r}")
