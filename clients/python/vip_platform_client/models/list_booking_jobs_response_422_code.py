from typing import Literal

ListBookingJobsResponse422Code = Literal['validation_error']

LIST_BOOKING_JOBS_RESPONSE_422_CODE_VALUES: set[ListBookingJobsResponse422Code] = { 'validation_error',  }

def check_list_booking_jobs_response_422_code(value: str) -> ListBookingJobsResponse422Code:
    if value in LIST_BOOKING_JOBS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_JOBS_RESPONSE_422_CODE_VALUES!r}")
