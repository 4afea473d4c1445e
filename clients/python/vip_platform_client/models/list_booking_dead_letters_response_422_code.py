from typing import Literal

ListBookingDeadLettersResponse422Code = Literal['validation_error']

LIST_BOOKING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES: set[ListBookingDeadLettersResponse422Code] = { 'validation_error',  }

def check_list_booking_dead_letters_response_422_code(value: str) -> ListBookingDeadLettersResponse422Code:
    if value in LIST_BOOKING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_DEAD_LETTERS_RESPONSE_422_CODE_VALUES!r}")
