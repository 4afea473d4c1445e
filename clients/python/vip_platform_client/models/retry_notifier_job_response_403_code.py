from typing import Literal

RetryNotifierJobResponse403Code = Literal['forbidden']

RETRY_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES: set[RetryNotifierJobResponse403Code] = { 'forbidden',  }

def check_retry_notifier_job_response_403_code(value: str) -> RetryNotifierJobResponse403Code:
    if value in RETRY_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES!r}")
