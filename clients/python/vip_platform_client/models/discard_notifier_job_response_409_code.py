from typing import Literal

DiscardNotifierJobResponse409Code = Literal['conflict']

DISCARD_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES: set[DiscardNotifierJobResponse409Code] = { 'conflict',  }

def check_discard_notifier_job_response_409_code(value: str) -> DiscardNotifierJobResponse409Code:
    if value in DISCARD_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_NOTIFIER_JOB_RESPONSE_409_CODE_VALUES!r}")
