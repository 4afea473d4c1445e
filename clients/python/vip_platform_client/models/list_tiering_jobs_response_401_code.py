from typing import Literal

ListTieringJobsResponse401Code = Literal['unauthorized']

LIST_TIERING_JOBS_RESPONSE_401_CODE_VALUES: set[ListTieringJobsResponse401Code] = { 'unauthorized',  }

def check_list_tiering_jobs_response_401_code(value: str) -> ListTieringJobsResponse401Code:
    if value in LIST_TIERING_JOBS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_JOBS_RESPONSE_401_CODE_VALUES!r}")
