from typing import Literal

DiscardNotifierJobResponse403Code = Literal['forbidden']

DISCARD_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES: set[DiscardNotifierJobResponse403Code] = { 'forbidden',  }

def check_discard_notifier_job_response_403_code(value: str) -> DiscardNotifierJobResponse403Code:
    if value in DISCARD_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_NOTIFIER_JOB_RESPONSE_403_CODE_VALUES!r}")
