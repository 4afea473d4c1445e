from typing import Literal

ExplainCustomerTierResponse422Code = Literal['validation_error']

EXPLAIN_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES: set[ExplainCustomerTierResponse422Code] = { 'validation_error',  }

def check_explain_customer_tier_response_422_code(value: str) -> ExplainCustomerTierResponse422Code:
    if value in EXPLAIN_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPLAIN_CUSTOMER_TIER_RESPONSE_422_CODE_VALUES!r}")
