from typing import Literal

GetPolicyResponse422Code = Literal['validation_error']

GET_POLICY_RESPONSE_422_CODE_VALUES: set[GetPolicyResponse422Code] = { 'validation_error',  }

def check_get_policy_response_422_code(value: str) -> GetPolicyResponse422Code:
    if value in GET_POLICY_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_POLICY_RESPONSE_422_CODE_VALUES!r}")
