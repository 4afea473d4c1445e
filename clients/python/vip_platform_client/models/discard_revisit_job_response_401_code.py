from typing import Literal

DiscardRevisitJobResponse401Code = Literal['unauthorized']

DISCARD_REVISIT_JOB_RESPONSE_401_CODE_VALUES: set[DiscardRevisitJobResponse401Code] = { 'unauthorized',  }

def check_discard_revisit_job_response_401_code(value: str) -> DiscardRevisitJobResponse401Code:
    if value in DISCARD_REVISIT_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_REVISIT_JOB_RESPONSE_401_CODE_VALUES!r}")
