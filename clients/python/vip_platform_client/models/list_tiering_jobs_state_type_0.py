from typing import Literal

ListTieringJobsStateType0 = Literal['dead', 'discarded', 'done', 'pending', 'running']

LIST_TIERING_JOBS_STATE_TYPE_0_VALUES: set[ListTieringJobsStateType0] = { 'dead', 'discarded', 'done', 'pending', 'running',  }

def check_list_tiering_jobs_state_type_0(value: str) -> ListTieringJobsStateType0:
    if value in LIST_TIERING_JOBS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_JOBS_STATE_TYPE_0_VALUES!r}")
