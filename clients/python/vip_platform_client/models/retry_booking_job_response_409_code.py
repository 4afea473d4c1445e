from typing import Literal

RetryBookingJobResponse409Code = Literal['conflict']

RETRY_BOOKING_JOB_RESPONSE_409_CODE_VALUES: set[RetryBookingJobResponse409Code] = { 'conflict',  }

def check_retry_booking_job_response_409_code(value: str) -> RetryBookingJobResponse409Code:
    if value in RETRY_BOOKING_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_BOOKING_JOB_RESPONSE_409_CODE_VALUES!r}")
