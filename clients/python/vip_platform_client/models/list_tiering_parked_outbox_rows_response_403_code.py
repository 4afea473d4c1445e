from typing import Literal

ListTieringParkedOutboxRowsResponse403Code = Literal['forbidden']

LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES: set[ListTieringParkedOutboxRowsResponse403Code] = { 'forbidden',  }

def check_list_tiering_parked_outbox_rows_response_403_code(value: str) -> ListTieringParkedOutboxRowsResponse403Code:
    if value in LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TIERING_PARKED_OUTBOX_ROWS_RESPONSE_403_CODE_VALUES!r}")
