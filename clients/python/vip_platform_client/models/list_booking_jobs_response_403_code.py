from typing import Literal

ListBookingJobsResponse403Code = Literal['forbidden']

LIST_BOOKING_JOBS_RESPONSE_403_CODE_VALUES: set[ListBookingJobsResponse403Code] = { 'forbidden',  }

def check_list_booking_jobs_response_403_code(value: str) -> ListBookingJobsResponse403Code:
    if value in LIST_BOOKING_JOBS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_JOBS_RESPONSE_403_CODE_VALUES!r}")
