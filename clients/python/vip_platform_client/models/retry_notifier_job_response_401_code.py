from typing import Literal

RetryNotifierJobResponse401Code = Literal['unauthorized']

RETRY_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES: set[RetryNotifierJobResponse401Code] = { 'unauthorized',  }

def check_retry_notifier_job_response_401_code(value: str) -> RetryNotifierJobResponse401Code:
    if value in RETRY_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES!r}")
