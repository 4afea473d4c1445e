from typing import Literal

ListRevisitJobsStateType0 = Literal['dead', 'discarded', 'done', 'pending', 'running']

LIST_REVISIT_JOBS_STATE_TYPE_0_VALUES: set[ListRevisitJobsStateType0] = { 'dead', 'discarded', 'done', 'pending', 'running',  }

def check_list_revisit_jobs_state_type_0(value: str) -> ListRevisitJobsStateType0:
    if value in LIST_REVISIT_JOBS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_JOBS_STATE_TYPE_0_VALUES!r}")
