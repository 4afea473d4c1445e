from typing import Literal

CreateCustomerRevisitLinkResponse409Code = Literal['conflict']

CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_409_CODE_VALUES: set[CreateCustomerRevisitLinkResponse409Code] = { 'conflict',  }

def check_create_customer_revisit_link_response_409_code(value: str) -> CreateCustomerRevisitLinkResponse409Code:
    if value in CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_409_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_CUSTOMER_REVISIT_LINK_RESPONSE_409_CODE_VALUES!r}")
