from typing import Literal

ListBookingParkedOutboxRowsResponse403Code = Literal['forbidden']

LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES: set[ListBookingParkedOutboxRowsResponse403Code] = { 'forbidden',  }

def check_list_booking_parked_outbox_rows_response_403_code(value: str) -> ListBookingParkedOutboxRowsResponse403Code:
    if value in LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_BOOKING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES!r}")
