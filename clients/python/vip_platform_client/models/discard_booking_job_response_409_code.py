from typing import Literal

DiscardBookingJobResponse409Code = Literal['conflict']

DISCARD_BOOKING_JOB_RESPONSE_409_CODE_VALUES: set[DiscardBookingJobResponse409Code] = { 'conflict',  }

def check_discard_booking_job_response_409_code(value: str) -> DiscardBookingJobResponse409Code:
    if value in DISCARD_BOOKING_JOB_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_BOOKING_JOB_RESPONSE_409_CODE_VALUES!r}")
