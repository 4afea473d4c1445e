from typing import Literal

RetryEntitlementsJobResponse401Code = Literal['unauthorized']

RETRY_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES: set[RetryEntitlementsJobResponse401Code] = { 'unauthorized',  }

def check_retry_entitlements_job_response_401_code(value: str) -> RetryEntitlementsJobResponse401Code:
    if value in RETRY_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_ENTITLEMENTS_JOB_RESPONSE_401_CODE_VALUES!r}")
