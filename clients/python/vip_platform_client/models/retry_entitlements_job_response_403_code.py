from typing import Literal

RetryEntitlementsJobResponse403Code = Literal['forbidden']

RETRY_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES: set[RetryEntitlementsJobResponse403Code] = { 'forbidden',  }

def check_retry_entitlements_job_response_403_code(value: str) -> RetryEntitlementsJobResponse403Code:
    if value in RETRY_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_ENTITLEMENTS_JOB_RESPONSE_403_CODE_VALUES!r}")
