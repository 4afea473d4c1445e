from typing import Literal

RunTieringResponse422Code = Literal['validation_error']

RUN_TIERING_RESPONSE_422_CODE_VALUES: set[RunTieringResponse422Code] = { 'validation_error',  }

def check_run_tiering_response_422_code(value: str) -> RunTieringResponse422Code:
    if value in RUN_TIERING_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUN_TIERING_RESPONSE_422_CODE_VALUES!r}")
