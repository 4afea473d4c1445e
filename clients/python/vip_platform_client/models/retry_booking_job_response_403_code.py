from typing import Literal

RetryBookingJobResponse403Code = Literal['forbidden']

RETRY_BOOKING_JOB_RESPONSE_403_CODE_VALUES: set[RetryBookingJobResponse403Code] = { 'forbidden',  }

def check_retry_booking_job_response_403_code(value: str) -> RetryBookingJobResponse403Code:
    if value in RETRY_BOOKING_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETRY_BOOKING_JOB_RESPONSE_403_CODE_VALUES!r}")
