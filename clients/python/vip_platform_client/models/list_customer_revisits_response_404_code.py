from typing import Literal

ListCustomerRevisitsResponse404Code = Literal['not_found']

LIST_CUSTOMER_REVISITS_RESPONSE_404_CODE_VALUES: set[ListCustomerRevisitsResponse404Code] = { 'not_found',  }

def check_list_customer_revisits_response_404_code(value: str) -> ListCustomerRevisitsResponse404Code:
    if value in LIST_CUSTOMER_REVISITS_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CUSTOMER_REVISITS_RESPONSE_404_CODE_VALUES!r}")
