from typing import Literal

CreateCustomerRevisitLinkResponse404Code = Literal['not_found']

CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_404_CODE_VALUES: set[CreateCustomerRevisitLinkResponse404Code] = { 'not_found',  }

def check_create_customer_revisit_link_response_404_code(value: str) -> CreateCustomerRevisitLinkResponse404Code:
    if value in CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_404_CODE_VALUES!r}")
