from typing import Literal

ListCustomerRevisitsResponse422Code = Literal['validation_error']

LIST_CUSTOMER_REVISITS_RESPONSE_422_CODE_VALUES: set[ListCustomerRevisitsResponse422Code] = { 'validation_error',  }

def check_list_customer_revisits_response_422_code(value: str) -> ListCustomerRevisitsResponse422Code:
    if value in LIST_CUSTOMER_REVISITS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CUSTOMER_REVISITS_RESPONSE_422_CODE_VALUES!r}")
