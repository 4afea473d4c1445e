from typing import Literal

ListTieringJobsResponse403Code = Literal['forbidden']

LIST_TIERING_JOBS_RESPONSE_403_CODE_VALUES: set[ListTieringJobsResponse403Code] = { 'forbidden',  }

def check_list_tiering_jobs_response_403_code(value: str) -> ListTieringJobsResponse403Code:
    if value in LIST_TIERING_JOBS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_JOBS_RESPONSE_403_CODE_VALUES!r}")
