from typing import Literal

RunRevisitsResponse422Code = Literal['validation_error']

RUN_REVISITS_RESPONSE_422_CODE_VALUES: set[RunRevisitsResponse422Code] = { 'validation_error',  }

def check_run_revisits_response_422_code(value: str) -> RunRevisitsResponse422Code:
    if value in RUN_REVISITS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUN_REVISITS_RESPONSE_422_CODE_VALUES!r}")
