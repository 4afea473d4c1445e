from typing import Literal

RetryRevisitJobResponse401Code = Literal['unauthorized']

RETRY_REVISIT_JOB_RESPONSE_401_CODE_VALUES: set[RetryRevisitJobResponse401Code] = { 'unauthorized',  }

def check_retry_revisit_job_response_401_code(value: str) -> RetryRevisitJobResponse401Code:
    if value in RETRY_REVISIT_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_REVISIT_JOB_RESPONSE_401_CODE_VALUES!r}")
