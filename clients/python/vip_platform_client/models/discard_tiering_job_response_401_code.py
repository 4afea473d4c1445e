from typing import Literal

DiscardTieringJobResponse401Code = Literal['unauthorized']

DISCARD_TIERING_JOB_RESPONSE_401_CODE_VALUES: set[DiscardTieringJobResponse401Code] = { 'unauthorized',  }

def check_discard_tiering_job_response_401_code(value: str) -> DiscardTieringJobResponse401Code:
    if value in DISCARD_TIERING_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_TIERING_JOB_RESPONSE_401_CODE_VALUES!r}")
