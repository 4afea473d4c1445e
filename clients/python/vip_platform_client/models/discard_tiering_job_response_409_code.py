from typing import Literal

DiscardTieringJobResponse409Code = Literal['conflict']

DISCARD_TIERING_JOB_RESPONSE_409_CODE_VALUES: set[DiscardTieringJobResponse409Code] = { 'conflict',  }

def check_discard_tiering_job_response_409_code(value: str) -> DiscardTieringJobResponse409Code:
    if value in DISCARD_TIERING_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_TIERING_JOB_RESPONSE_409_CODE_VALUES!r}")
