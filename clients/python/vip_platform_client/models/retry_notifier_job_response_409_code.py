from typing import Literal

RetryNotifierJobResponse409Code = Literal['conflict']

RETRY_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES: set[RetryNotifierJobResponse409Code] = { 'conflict',  }

def check_retry_notifier_job_response_409_code(value: str) -> RetryNotifierJobResponse409Code:
    if value in RETRY_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES!r}")
