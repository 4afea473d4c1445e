from typing import Literal

DiscardNotifierJobResponse401Code = Literal['unauthorized']

DISCARD_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES: set[DiscardNotifierJobResponse401Code] = { 'unauthorized',  }

def check_discard_notifier_job_response_401_code(value: str) -> DiscardNotifierJobResponse401Code:
    if value in DISCARD_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_NOTIFIER_JOB_RESPONSE_401_CODE_VALUES!r}")
