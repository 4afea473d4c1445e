from typing import Literal

DiscardNotifierJobResponse422Code = Literal['validation_error']

DISCARD_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES: set[DiscardNotifierJobResponse422Code] = { 'validation_error',  }

def check_discard_notifier_job_response_422_code(value: str) -> DiscardNotifierJobResponse422Code:
    if value in DISCARD_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_NOTIFIER_JOB_RESPONSE_422_CODE_VALUES!r}")
