from typing import Literal

DiscardRevisitJobResponse422Code = Literal['validation_error']

DISCARD_REVISIT_JOB_RESPONSE_422_CODE_VALUES: set[DiscardRevisitJobResponse422Code] = { 'validation_error',  }

def check_discard_revisit_job_response_422_code(value: str) -> DiscardRevisitJobResponse422Code:
    if value in DISCARD_REVISIT_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_REVISIT_JOB_RESPONSE_422_CODE_VALUES!r}")
