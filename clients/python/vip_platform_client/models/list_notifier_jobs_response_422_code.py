from typing import Literal

ListNotifierJobsResponse422Code = Literal['validation_error']

LIST_NOTIFIER_JOBS_RESPONSE_422_CODE_VALUES: set[ListNotifierJobsResponse422Code] = { 'validation_error',  }

def check_list_notifier_jobs_response_422_code(value: str) -> ListNotifierJobsResponse422Code:
    if value in LIST_NOTIFIER_JOBS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_JOBS_RESPONSE_422_CODE_VALUES!r}")
