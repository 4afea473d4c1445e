from typing import Literal

ListEntitlementsJobsResponse401Code = Literal['unauthorized']

LIST_ENTITLEMENTS_JOBS_RESPONSE_401_CODE_VALUES: set[ListEntitlementsJobsResponse401Code] = { 'unauthorized',  }

def check_list_entitlements_jobs_response_401_code(value: str) -> ListEntitlementsJobsResponse401Code:
    if value in LIST_ENTITLEMENTS_JOBS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_JOBS_RESPONSE_401_CODE_VALUES!r}")
