from typing import Literal

ListBookingDeadLettersResponse401Code = Literal['unauthorized']

LIST_BOOKING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES: set[ListBookingDeadLettersResponse401Code] = { 'unauthorized',  }

def check_list_booking_dead_letters_response_401_code(value: str) -> ListBookingDeadLettersResponse401Code:
    if value in LIST_BOOKING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_DEAD_LETTERS_RESPONSE_401_CODE_VALUES!r}")
