from typing import Literal

ListTieringParkedOutboxRowsResponse422Code = Literal['validation_error']

LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES: set[ListTieringParkedOutboxRowsResponse422Code] = { 'validation_error',  }

def check_list_tiering_parked_outbox_rows_response_422_code(value: str) -> ListTieringParkedOutboxRowsResponse422Code:
    if value in LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_422_CODE_VALUES!r}")
