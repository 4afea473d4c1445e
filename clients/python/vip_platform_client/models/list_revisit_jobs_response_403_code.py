from typing import Literal

ListRevisitJobsResponse403Code = Literal['forbidden']

LIST_REVISIT_JOBS_RESPONSE_403_CODE_VALUES: set[ListRevisitJobsResponse403Code] = { 'forbidden',  }

def check_list_revisit_jobs_response_403_code(value: str) -> ListRevisitJobsResponse403Code:
    if value in LIST_REVISIT_JOBS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_JOBS_RESPONSE_403_CODE_VALUES!r}")
