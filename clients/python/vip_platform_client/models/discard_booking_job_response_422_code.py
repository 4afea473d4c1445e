from typing import Literal

DiscardBookingJobResponse422Code = Literal['validation_error']

DISCARD_BOOKING_JOB_RESPONSE_422_CODE_VALUES: set[DiscardBookingJobResponse422Code] = { 'validation_error',  }

def check_discard_booking_job_response_422_code(value: str) -> DiscardBookingJobResponse422Code:
    if value in DISCARD_BOOKING_JOB_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_BOOKING_JOB_RESPONSE_422_CODE_VALUES!r}")
