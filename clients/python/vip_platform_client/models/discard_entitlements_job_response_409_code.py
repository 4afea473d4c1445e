from typing import Literal

DiscardEntitlementsJobResponse409Code = Literal['conflict']

DISCARD_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES: set[DiscardEntitlementsJobResponse409Code] = { 'conflict',  }

def check_discard_entitlements_job_response_409_code(value: str) -> DiscardEntitlementsJobResponse409Code:
    if value in DISCARD_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES!r}")
