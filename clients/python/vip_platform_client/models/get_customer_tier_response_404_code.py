from typing import Literal

GetCustomerTierResponse404Code = Literal['not_found']

GET_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES: set[GetCustomerTierResponse404Code] = { 'not_found',  }

def check_get_customer_tier_response_404_code(value: str) -> GetCustomerTierResponse404Code:
    if value in GET_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES!r}")
