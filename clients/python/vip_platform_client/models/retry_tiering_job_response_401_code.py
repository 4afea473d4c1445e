from typing import Literal

RetryTieringJobResponse401Code = Literal['unauthorized']

RETRY_TIERING_JOB_RESPONSE_401_CODE_VALUES: set[RetryTieringJobResponse401Code] = { 'unauthorized',  }

def check_retry_tiering_job_response_401_code(value: str) -> RetryTieringJobResponse401Code:
    if value in RETRY_TIERING_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_TIERING_JOB_RESPONSE_401_CODE_VALUES!r}")
