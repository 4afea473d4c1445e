from typing import Literal

RetryTieringJobResponse403Code = Literal['forbidden']

RETRY_TIERING_JOB_RESPONSE_403_CODE_VALUES: set[RetryTieringJobResponse403Code] = { 'forbidden',  }

def check_retry_tiering_job_response_403_code(value: str) -> RetryTieringJobResponse403Code:
    if value in RETRY_TIERING_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_TIERING_JOB_RESPONSE_403_CODE_VALUES!r}")
