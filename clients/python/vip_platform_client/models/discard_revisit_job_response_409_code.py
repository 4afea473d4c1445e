from typing import Literal

DiscardRevisitJobResponse409Code = Literal['conflict']

DISCARD_REVISIT_JOB_RESPONSE_409_CODE_VALUES: set[DiscardRevisitJobResponse409Code] = { 'conflict',  }

def check_discard_revisit_job_response_409_code(value: str) -> DiscardRevisitJobResponse409Code:
    if value in DISCARD_REVISIT_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_REVISIT_JOB_RESPONSE_409_CODE_VALUES!r}")
