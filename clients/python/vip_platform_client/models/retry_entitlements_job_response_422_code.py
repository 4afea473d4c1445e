from typing import Literal

RetryEntitlementsJobResponse422Code = Literal['validation_error']

RETRY_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES: set[RetryEntitlementsJobResponse422Code] = { 'validation_error',  }

def check_retry_entitlements_job_response_422_code(value: str) -> RetryEntitlementsJobResponse422Code:
    if value in RETRY_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_ENTITLEMENTS_JOB_RESPONSE_422_CODE_VALUES!r}")
