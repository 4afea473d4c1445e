from typing import Literal

ExplainCustomerTierResponse404Code = Literal['not_found']

EXPLAIN_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES: set[ExplainCustomerTierResponse404Code] = { 'not_found',  }

def check_explain_customer_tier_response_404_code(value: str) -> ExplainCustomerTierResponse404Code:
    if value in EXPLAIN_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPLAIN_CUSTOMER_TIER_RESPONSE_404_CODE_VALUES!r}")
