from typing import Literal

RetryTieringJobResponse422Code = Literal['validation_error']

RETRY_TIERING_JOB_RESPONSE_422_CODE_VALUES: set[RetryTieringJobResponse422Code] = { 'validation_error',  }

def check_retry_tiering_job_response_422_code(value: str) -> RetryTieringJobResponse422Code:
    if value in RETRY_TIERING_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_TIERING_JOB_RESPONSE_422_CODE_VALUES!r}")
