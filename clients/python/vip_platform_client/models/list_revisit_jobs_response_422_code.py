from typing import Literal

ListRevisitJobsResponse422Code = Literal['validation_error']

LIST_REVISIT_JOBS_RESPONSE_422_CODE_VALUES: set[ListRevisitJobsResponse422Code] = { 'validation_error',  }

def check_list_revisit_jobs_response_422_code(value: str) -> ListRevisitJobsResponse422Code:
    if value in LIST_REVISIT_JOBS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_JOBS_RESPONSE_422_CODE_VALUES!r}")
