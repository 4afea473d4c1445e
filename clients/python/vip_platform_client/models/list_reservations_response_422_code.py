from typing import Literal

ListReservationsResponse422Code = Literal['validation_error']

LIST_RESERVATIONS_RESPONSE_422_CODE_VALUES: set[ListReservationsResponse422Code] = { 'validation_error',  }

def check_list_reservations_response_422_code(value: str) -> ListReservationsResponse422Code:
    if value in LIST_RESERVATIONS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RESERVATIONS_RESPONSE_422_CODE_VALUES!r}")
