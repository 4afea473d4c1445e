from typing import Literal

DiscardEntitlementsJobResponse401Code = Literal['unauthorized']

DISCARD_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES: set[DiscardEntitlementsJobResponse401Code] = { 'unauthorized',  }

def check_discard_entitlements_job_response_401_code(value: str) -> DiscardEntitlementsJobResponse401Code:
    if value in DISCARD_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES!r}")
