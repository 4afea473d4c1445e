from typing import Literal

DiscardBookingJobResponse401Code = Literal['unauthorized']

DISCARD_BOOKING_JOB_RESPONSE_401_CODE_VALUES: set[DiscardBookingJobResponse401Code] = { 'unauthorized',  }

def check_discard_booking_job_response_401_code(value: str) -> DiscardBookingJobResponse401Code:
    if value in DISCARD_BOOKING_JOB_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_BOOKING_JOB_RESPONSE_401_CODE_VALUES!r}")
