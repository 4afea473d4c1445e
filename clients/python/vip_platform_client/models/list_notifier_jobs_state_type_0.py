from typing import Literal

ListNotifierJobsStateType0 = Literal['dead', 'discarded', 'done', 'pending', 'running']

LIST_NOTIFIER_JOBS_STATE_TYPE_0_VALUES: set[ListNotifierJobsStateType0] = { 'dead', 'discarded', 'done', 'pending', 'running',  }

def check_list_notifier_jobs_state_type_0(value: str) -> ListNotifierJobsStateType0:
    if value in LIST_NOTIFIER_JOBS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_JOBS_STATE_TYPE_0_VALUES!r}")
