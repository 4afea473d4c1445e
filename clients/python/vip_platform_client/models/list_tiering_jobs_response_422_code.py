from typing import Literal

ListTieringJobsResponse422Code = Literal['validation_error']

LIST_TIERING_JOBS_RESPONSE_422_CODE_VALUES: set[ListTieringJobsResponse422Code] = { 'validation_error',  }

def check_list_tiering_jobs_response_422_code(value: str) -> ListTieringJobsResponse422Code:
    if value in LIST_TIERING_JOBS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_JOBS_RESPONSE_422_CODE_VALUES!r}")
