from typing import Literal

UpsertPolicyResponse409Code = Literal['conflict']

UPSERT_POLICY_RESPONSE_409_CODE_VALUES: set[UpsertPolicyResponse409Code] = { 'conflict',  }

def check_upsert_policy_response_409_code(value: str) -> UpsertPolicyResponse409Code:
    if value in UPSERT_POLICY_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPSERT_POLICY_RESPONSE_409_CODE_VALUES!r}")
