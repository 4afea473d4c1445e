from typing import Literal

DiscardTieringJobResponse422Code = Literal['validation_error']

DISCARD_TIERING_JOB_RESPONSE_422_CODE_VALUES: set[DiscardTieringJobResponse422Code] = { 'validation_error',  }

def check_discard_tiering_job_response_422_code(value: str) -> DiscardTieringJobResponse422Code:
    if value in DISCARD_TIERING_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_TIERING_JOB_RESPONSE_422_CODE_VALUES!r}")
