from typing import Literal

ListBookingDeadLettersResponse403Code = Literal['forbidden']

LIST_BOOKING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES: set[ListBookingDeadLettersResponse403Code] = { 'forbidden',  }

def check_list_booking_dead_letters_response_403_code(value: str) -> ListBookingDeadLettersResponse403Code:
    if value in LIST_BOOKING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_DEAD_LETTERS_RESPONSE_403_CODE_VALUES!r}")
