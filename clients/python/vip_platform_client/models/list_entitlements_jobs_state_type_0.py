from typing import Literal

ListEntitlementsJobsStateType0 = Literal['dead', 'discarded', 'done', 'pending', 'running']

LIST_ENTITLEMENTS_JOBS_STATE_TYPE_0_VALUES: set[ListEntitlementsJobsStateType0] = { 'dead', 'discarded', 'done', 'pending', 'running',  }

def check_list_entitlements_jobs_state_type_0(value: str) -> ListEntitlementsJobsStateType0:
    if value in LIST_ENTITLEMENTS_JOBS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_JOBS_STATE_TYPE_0_VALUES!r}")
