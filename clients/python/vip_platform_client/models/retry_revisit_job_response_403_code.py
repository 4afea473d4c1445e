from typing import Literal

RetryRevisitJobResponse403Code = Literal['forbidden']

RETRY_REVISIT_JOB_RESPONSE_403_CODE_VALUES: set[RetryRevisitJobResponse403Code] = { 'forbidden',  }

def check_retry_revisit_job_response_403_code(value: str) -> RetryRevisitJobResponse403Code:
    if value in RETRY_REVISIT_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_REVISIT_JOB_RESPONSE_403_CODE_VALUES!r}")
