from typing import Literal

GetCustomerTierResponse422Code = Literal['validation_error']

GET_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES: set[GetCustomerTierResponse422Code] = { 'validation_error',  }

def check_get_customer_tier_response_422_code(value: str) -> GetCustomerTierResponse422Code:
    if value in GET_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES!r}")
