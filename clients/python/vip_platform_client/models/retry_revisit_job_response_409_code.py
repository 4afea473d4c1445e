from typing import Literal

RetryRevisitJobResponse409Code = Literal['conflict']

RETRY_REVISIT_JOB_RESPONSE_409_CODE_VALUES: set[RetryRevisitJobResponse409Code] = { 'conflict',  }

def check_retry_revisit_job_response_409_code(value: str) -> RetryRevisitJobResponse409Code:
    if value in RETRY_REVISIT_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_REVISIT_JOB_RESPONSE_409_CODE_VALUES!r}")
