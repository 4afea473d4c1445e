from typing import Literal

ListRevisitJobsResponse401Code = Literal['unauthorized']

LIST_REVISIT_JOBS_RESPONSE_401_CODE_VALUES: set[ListRevisitJobsResponse401Code] = { 'unauthorized',  }

def check_list_revisit_jobs_response_401_code(value: str) -> ListRevisitJobsResponse401Code:
    if value in LIST_REVISIT_JOBS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_JOBS_RESPONSE_401_CODE_VALUES!r}")
