from typing import Literal

GetCustomerTierHistoryResponse404Code = Literal['not_found']

GET_CUSTOMER_TIER_HISTORY_RESPONSE_404_CODE_VALUES: set[GetCustomerTierHistoryResponse404Code] = { 'not_found',  }

def check_get_customer_tier_history_response_404_code(value: str) -> GetCustomerTierHistoryResponse404Code:
    if value in GET_CUSTOMER_TIER_HISTORY_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_TIER_HISTORY_RESPONSE_404_CODE_VALUES!r}")
