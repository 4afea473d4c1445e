from typing import Literal

DiscardRevisitJobResponse403Code = Literal['forbidden']

DISCARD_REVISIT_JOB_RESPONSE_403_CODE_VALUES: set[DiscardRevisitJobResponse403Code] = { 'forbidden',  }

def check_discard_revisit_job_response_403_code(value: str) -> DiscardRevisitJobResponse403Code:
    if value in DISCARD_REVISIT_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_REVISIT_JOB_RESPONSE_403_CODE_VALUES!r}")
