from typing import Literal

ListNotifierJobsResponse403Code = Literal['forbidden']

LIST_NOTIFIER_JOBS_RESPONSE_403_CODE_VALUES: set[ListNotifierJobsResponse403Code] = { 'forbidden',  }

def check_list_notifier_jobs_response_403_code(value: str) -> ListNotifierJobsResponse403Code:
    if value in LIST_NOTIFIER_JOBS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_NOTIFIER_JOBS_RESPONSE_403_CODE_VALUES!r}")
