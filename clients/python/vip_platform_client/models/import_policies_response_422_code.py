from typing import Literal

ImportPoliciesResponse422Code = Literal['validation_error']

IMPORT_POLICIES_RESPONSE_422_CODE_VALUES: set[ImportPoliciesResponse422Code] = { 'validation_error',  }

def check_import_policies_response_422_code(value: str) -> ImportPoliciesResponse422Code:
    if value in IMPORT_POLICIES_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_POLICIES_RESPONSE_422_CODE_VALUES!r}")
