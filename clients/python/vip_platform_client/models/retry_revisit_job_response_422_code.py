from typing import Literal

RetryRevisitJobResponse422Code = Literal['validation_error']

RETRY_REVISIT_JOB_RESPONSE_422_CODE_VALUES: set[RetryRevisitJobResponse422Code] = { 'validation_error',  }

def check_retry_revisit_job_response_422_code(value: str) -> RetryRevisitJobResponse422Code:
    if value in RETRY_REVISIT_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_REVISIT_JOB_RESPONSE_422_CODE_VALUES!r}")
