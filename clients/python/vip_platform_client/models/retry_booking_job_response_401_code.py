from typing import Literal

RetryBookingJobResponse401Code = Literal['unauthorized']

RETRY_BOOKING_JOB_RESPONSE_401_CODE_VALUES: set[RetryBookingJobResponse401Code] = { 'unauthorized',  }

def check_retry_booking_job_response_401_code(value: str) -> RetryBookingJobResponse401Code:
    if value in RETRY_BOOKING_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_BOOKING_JOB_RESPONSE_401_CODE_VALUES!r}")
