from typing import Literal

GetPolicyResponse404Code = Literal['not_found']

GET_POLICY_RESPONSE_404_CODE_VALUES: set[GetPolicyResponse404Code] = { 'not_found',  }

def check_get_policy_response_404_code(value: str) -> GetPolicyResponse404Code:
    if value in GET_POLICY_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_POLICY_RESPONSE_404_CODE_VALUES!r}")
