from typing import Literal

GetCustomerEntitlementsResponse422Code = Literal['validation_error']

GET_CUSTOMER_ENTITLEMENTS_RESPONSE_422_CODE_VALUES: set[GetCustomerEntitlementsResponse422Code] = { 'validation_error',  }

def check_get_customer_entitlements_response_422_code(value: str) -> GetCustomerEntitlementsResponse422Code:
    if value in GET_CUSTOMER_ENTITLEMENTS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CUSTOMER_ENTITLEMENTS_RESPONSE_422_CODE_VALUES!r}")
