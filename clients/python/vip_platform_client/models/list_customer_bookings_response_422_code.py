from typing import Literal

ListCustomerBookingsResponse422Code = Literal['validation_error']

LIST_CUSTOMER_BOOKINGS_RESPONSE_422_CODE_VALUES: set[ListCustomerBookingsResponse422Code] = { 'validation_error',  }

def check_list_customer_bookings_response_422_code(value: str) -> ListCustomerBookingsResponse422Code:
    if value in LIST_CUSTOMER_BOOKINGS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CUSTOMER_BOOKINGS_RESPONSE_422_CODE_VALUES!r}")
