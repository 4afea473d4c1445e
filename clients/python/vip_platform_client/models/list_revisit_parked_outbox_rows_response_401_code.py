from typing import Literal

ListRevisitParkedOutboxRowsResponse401Code = Literal['unauthorized']

LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES: set[ListRevisitParkedOutboxRowsResponse401Code] = { 'unauthorized',  }

def check_list_revisit_parked_outbox_rows_response_401_code(value: str) -> ListRevisitParkedOutboxRowsResponse401Code:
    if value in LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_REVISIT_PARKED_OUTBOX_ROWS_RESPONSE_401_CODE_VALUES!r}")
