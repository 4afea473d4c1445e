from typing import Literal

ListTieringParkedOutboxRowsResponse401Code = Literal['unauthorized']

LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES: set[ListTieringParkedOutboxRowsResponse401Code] = { 'unauthorized',  }

def check_list_tiering_parked_outbox_rows_response_401_code(value: str) -> ListTieringParkedOutboxRowsResponse401Code:
    if value in LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES!r}")
