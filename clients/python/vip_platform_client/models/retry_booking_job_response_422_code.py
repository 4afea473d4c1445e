from typing import Literal

RetryBookingJobResponse422Code = Literal['validation_error']

RETRY_BOOKING_JOB_RESPONSE_422_CODE_VALUES: set[RetryBookingJobResponse422Code] = { 'validation_error',  }

def check_retry_booking_job_response_422_code(value: str) -> RetryBookingJobResponse422Code:
    if value in RETRY_BOOKING_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_BOOKING_JOB_RESPONSE_422_CODE_VALUES!r}")
