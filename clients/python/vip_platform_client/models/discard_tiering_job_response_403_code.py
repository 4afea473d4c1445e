from typing import Literal

DiscardTieringJobResponse403Code = Literal['forbidden']

DISCARD_TIERING_JOB_RESPONSE_403_CODE_VALUES: set[DiscardTieringJobResponse403Code] = { 'forbidden',  }

def check_discard_tiering_job_response_403_code(value: str) -> DiscardTieringJobResponse403Code:
    if value in DISCARD_TIERING_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_TIERING_JOB_RESPONSE_403_CODE_VALUES!r}")
