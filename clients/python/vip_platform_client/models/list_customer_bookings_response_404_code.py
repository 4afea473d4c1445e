from typing import Literal

ListCustomerBookingsResponse404Code = Literal['not_found']

LIST_CUSTOMER_BOOKINGS_RESPONSE_404_CODE_VALUES: set[ListCustomerBookingsResponse404Code] = { 'not_found',  }

def check_list_customer_bookings_response_404_code(value: str) -> ListCustomerBookingsResponse404Code:
    if value in LIST_CUSTOMER_BOOKINGS_RESPONSE_404_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CUSTOMER_BOOKINGS_RESPONSE_404_CODE_VALUES!r}")
