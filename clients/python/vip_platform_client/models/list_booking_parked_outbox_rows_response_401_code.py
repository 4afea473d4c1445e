from typing import Literal

ListBookingParkedOutboxRowsResponse401Code = Literal['unauthorized']

LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES: set[ListBookingParkedOutboxRowsResponse401Code] = { 'unauthorized',  }

def check_list_booking_parked_outbox_rows_response_401_code(value: str) -> ListBookingParkedOutboxRowsResponse401Code:
    if value in LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES!r}")
