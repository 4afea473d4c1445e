from typing import Literal

ListEntitlementsJobsResponse422Code = Literal['validation_error']

LIST_ENTITLEMENTS_JOBS_RESPONSE_422_CODE_VALUES: set[ListEntitlementsJobsResponse422Code] = { 'validation_error',  }

def check_list_entitlements_jobs_response_422_code(value: str) -> ListEntitlementsJobsResponse422Code:
    if value in LIST_ENTITLEMENTS_JOBS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_JOBS_RESPONSE_422_CODE_VALUES!r}")
