from typing import Literal

DiscardEntitlementsJobResponse422Code = Literal['validation_error']

DISCARD_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES: set[DiscardEntitlementsJobResponse422Code] = { 'validation_error',  }

def check_discard_entitlements_job_response_422_code(value: str) -> DiscardEntitlementsJobResponse422Code:
    if value in DISCARD_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES!r}")
