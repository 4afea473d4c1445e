from typing import Literal

GetCustomerEntitlementsResponse404Code = Literal['not_found']

GET_CUSTOMER_ENTITLEMENTS_RESPONSE_404_CODE_VALUES: set[GetCustomerEntitlementsResponse404Code] = { 'not_found',  }

def check_get_customer_entitlements_response_404_code(value: str) -> GetCustomerEntitlementsResponse404Code:
    if value in GET_CUSTOMER_ENTITLEMENTS_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_ENTITLEMENTS_RESPONSE_404_CODE_VALUES!r}")
