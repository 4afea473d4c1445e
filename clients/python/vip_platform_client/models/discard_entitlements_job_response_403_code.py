from typing import Literal

DiscardEntitlementsJobResponse403Code = Literal['forbidden']

DISCARD_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES: set[DiscardEntitlementsJobResponse403Code] = { 'forbidden',  }

def check_discard_entitlements_job_response_403_code(value: str) -> DiscardEntitlementsJobResponse403Code:
    if value in DISCARD_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES!r}")
