from typing import Literal

CreateCustomerRevisitLinkResponse422Code = Literal['validation_error']

CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_422_CODE_VALUES: set[CreateCustomerRevisitLinkResponse422Code] = { 'validation_error',  }

def check_create_customer_revisit_link_response_422_code(value: str) -> CreateCustomerRevisitLinkResponse422Code:
    if value in CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_422_CODE_VALUES!r}")
