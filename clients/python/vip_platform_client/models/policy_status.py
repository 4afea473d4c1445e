from typing import Literal

PolicyStatus = Literal['cancelled_in_cooling_off', 'in_force', 'lapsed', 'matured', 'surrendered', 'suspended', 'terminated']

POLICY_STATUS_VALUES: set[PolicyStatus] = { 'cancelled_in_cooling_off', 'in_force', 'lapsed', 'matured', 'surrendered', 'suspended', 'terminated',  }

def check_policy_status(value: str) -> PolicyStatus:
    if value in POLICY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POLICY_STATUS_VALUES!r}")
