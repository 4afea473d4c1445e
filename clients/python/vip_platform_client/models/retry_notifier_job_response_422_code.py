from typing import Literal

RetryNotifierJobResponse422Code = Literal['validation_error']

RETRY_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES: set[RetryNotifierJobResponse422Code] = { 'validation_error',  }

def check_retry_notifier_job_response_422_code(value: str) -> RetryNotifierJobResponse422Code:
    if value in RETRY_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES!r}")
