from typing import Literal

ImportPoliciesResponse413Code = Literal['payload_too_large']

IMPORT_POLICIES_RESPONSE_413_CODE_VALUES: set[ImportPoliciesResponse413Code] = { 'payload_too_large',  }

def check_import_policies_response_413_code(value: str) -> ImportPoliciesResponse413Code:
    if value in IMPORT_POLICIES_RESPONSE_413_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_POLICIES_RESPONSE_413_CODE_VALUES!r}")
