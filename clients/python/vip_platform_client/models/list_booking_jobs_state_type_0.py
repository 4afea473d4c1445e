from typing import Literal

ListBookingJobsStateType0 = Literal['dead', 'discarded', 'done', 'pending', 'running']

LIST_BOOKING_JOBS_STATE_TYPE_0_VALUES: set[ListBookingJobsStateType0] = { 'dead', 'discarded', 'done', 'pending', 'running',  }

def check_list_booking_jobs_state_type_0(value: str) -> ListBookingJobsStateType0:
    if value in LIST_BOOKING_JOBS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_JOBS_STATE_TYPE_0_VALUES!r}")
