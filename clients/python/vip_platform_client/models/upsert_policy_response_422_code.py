from typing import Literal

UpsertPolicyResponse422Code = Literal['validation_error']

UPSERT_POLICY_RESPONSE_422_CODE_VALUES: set[UpsertPolicyResponse422Code] = { 'validation_error',  }

def check_upsert_policy_response_422_code(value: str) -> UpsertPolicyResponse422Code:
    if value in UPSERT_POLICY_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_POLICY_RESPONSE_422_CODE_VALUES!r}")
