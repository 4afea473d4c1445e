from typing import Literal

RetryEntitlementsJobResponse409Code = Literal['conflict']

RETRY_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES: set[RetryEntitlementsJobResponse409Code] = { 'conflict',  }

def check_retry_entitlements_job_response_409_code(value: str) -> RetryEntitlementsJobResponse409Code:
    if value in RETRY_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_ENTITLEMENTS_JOB_RESPONSE_409_CODE_VALUES!r}")
