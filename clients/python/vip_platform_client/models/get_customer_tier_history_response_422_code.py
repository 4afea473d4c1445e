from typing import Literal

GetCustomerTierHistoryResponse422Code = Literal['validation_error']

GET_CUSTOMER_TIER_HISTORY_RESPONSE_422_CODE_VALUES: set[GetCustomerTierHistoryResponse422Code] = { 'validation_error',  }

def check_get_customer_tier_history_response_422_code(value: str) -> GetCustomerTierHistoryResponse422Code:
    if value in GET_CUSTOMER_TIER_HISTORY_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_TIER_HISTORY_RESPONSE_422_CODE_VALUES!r}")
