from typing import Literal

ListEntitlementsJobsResponse403Code = Literal['forbidden']

LIST_ENTITLEMENTS_JOBS_RESPONSE_403_CODE_VALUES: set[ListEntitlementsJobsResponse403Code] = { 'forbidden',  }

def check_list_entitlements_jobs_response_403_code(value: str) -> ListEntitlementsJobsResponse403Code:
    if value in LIST_ENTITLEMENTS_JOBS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ENTITLEMENTS_JOBS_RESPONSE_403_CODE_VALUES!r}")
