from typing import Literal

ListNotifierJobsResponse401Code = Literal['unauthorized']

LIST_NOTIFIER_JOBS_RESPONSE_401_CODE_VALUES: set[ListNotifierJobsResponse401Code] = { 'unauthorized',  }

def check_list_notifier_jobs_response_401_code(value: str) -> ListNotifierJobsResponse401Code:
    if value in LIST_NOTIFIER_JOBS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_JOBS_RESPONSE_401_CODE_VALUES!r}")
