from typing import Literal

ListBookingJobsResponse401Code = Literal['unauthorized']

LIST_BOOKING_JOBS_RESPONSE_401_CODE_VALUES: set[ListBookingJobsResponse401Code] = { 'unauthorized',  }

def check_list_booking_jobs_response_401_code(value: str) -> ListBookingJobsResponse401Code:
    if value in LIST_BOOKING_JOBS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_JOBS_RESPONSE_401_CODE_VALUES!r}")
