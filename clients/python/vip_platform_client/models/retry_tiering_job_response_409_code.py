from typing import Literal

RetryTieringJobResponse409Code = Literal['conflict']

RETRY_TIERING_JOB_RESPONSE_409_CODE_VALUES: set[RetryTieringJobResponse409Code] = { 'conflict',  }

def check_retry_tiering_job_response_409_code(value: str) -> RetryTieringJobResponse409Code:
    if value in RETRY_TIERING_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_TIERING_JOB_RESPONSE_409_CODE_VALUES!r}")
