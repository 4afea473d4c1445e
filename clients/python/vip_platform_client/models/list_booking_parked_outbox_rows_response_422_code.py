from typing import Literal

ListBookingParkedOutboxRowsResponse422Code = Literal['validation_error']

LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES: set[ListBookingParkedOutboxRowsResponse422Code] = { 'validation_error',  }

def check_list_booking_parked_outbox_rows_response_422_code(value: str) -> ListBookingParkedOutboxRowsResponse422Code:
    if value in LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES!r}")
