from typing import Literal

DiscardBookingJobResponse403Code = Literal['forbidden']

DISCARD_BOOKING_JOB_RESPONSE_403_CODE_VALUES: set[DiscardBookingJobResponse403Code] = { 'forbidden',  }

def check_discard_booking_job_response_403_code(value: str) -> DiscardBookingJobResponse403Code:
    if value in DISCARD_BOOKING_JOB_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCARD_BOOKING_JOB_RESPONSE_403_CODE_VALUES!r}")
